package org.lbp.cds.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.audit.ServiceProcess;
import org.lbp.cds.audit.TestStore;
import org.lbp.cds.evaluation.Clinic;

/**
 * The container image loads the SQLite driver's native library from the image (docker/Dockerfile.jvm:
 * {@code -Dorg.sqlite.lib.path}, the library the Maven build takes out of the driver into target/sqlite-native) instead
 * of letting the driver copy it out of its jar into /tmp at every start: the packaged service started that way records
 * an evaluation in its SQLite store and copies nothing into its temporary folder; started without it, the driver's copy
 * is there (the check sees what it looks for).
 */
class SqliteNativeLibraryIT {

    @Test
    @DisplayName("With the build's native library the SQLite store works and nothing is copied into /tmp; without it, the copy is made")
    void nativeLibraryFromTheBuild() throws Exception {
        Path folder = ServiceProcess.sqliteNativeFolder();
        assertTrue(Files.isRegularFile(folder.resolve("libsqlitejdbc.so")), "the Maven build's copy of the library in " + folder);
        Path work = Files.createTempDirectory(Path.of("target"), "sqlite-native-");
        try {
            Path fromImage = Files.createDirectories(work.resolve("tmp-from-image"));
            assertEquals(List.of(), sqliteCopiesWhileRunning("sqlite-native-given", work.resolve("data-given"), fromImage,
                    List.of("-Dorg.sqlite.lib.path=" + folder, "-Dorg.sqlite.lib.name=libsqlitejdbc.so")),
                    "the driver's copies of its library in the service's temporary folder");

            Path copied = Files.createDirectories(work.resolve("tmp-copied"));
            List<String> copies = sqliteCopiesWhileRunning("sqlite-native-copied", work.resolve("data-copied"), copied, List.of());
            assertTrue(copies.stream().anyMatch(name -> name.endsWith("libsqlitejdbc.so")),
                    "without the option the driver copies its library into the temporary folder: " + copies);
        } finally {
            TestStore.deleteTree(work);
        }
    }

    /** Starts the packaged service on a fresh SQLite store, records one evaluation, and lists the driver's files in tmp. */
    private static List<String> sqliteCopiesWhileRunning(String name, Path data, Path tmp, List<String> jvm) throws Exception {
        List<String> options = Stream.concat(Stream.of("-Djava.io.tmpdir=" + tmp.toAbsolutePath()), jvm.stream()).toList();
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.freePort(), name,
                List.of("lbp.audit.data-dir=" + data.toAbsolutePath()), options)) {
            var answer = service.post("/api/v1/evaluations", Clinic.patient().id("PT-NATIVE").score("quads", 7, 3).body());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(Files.isRegularFile(data.resolve("audit.sqlite")), "the evaluation's SQLite store in " + data);
            try (Stream<Path> files = Files.list(tmp)) {
                return files.map(path -> path.getFileName().toString()).filter(file -> file.startsWith("sqlite-")).sorted().toList();
            }
        }
    }
}
