package org.lbp.cds.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The DRL files of one ruleset and its version: a SHA-256 over the sorted file names and their contents, so the
 * same {@code rules/} gives the same version on every machine (line ends are normalised before hashing).
 */
public record RulesetSource(List<RuleFile> files, String version) {

    /** The name of the file, beside the DRL files on the classpath, that lists them (written by the build). */
    public static final String INDEX = "index.txt";

    public static RulesetSource of(List<RuleFile> files) {
        List<RuleFile> sorted = files.stream().sorted(Comparator.comparing(RuleFile::name)).toList();
        if (sorted.isEmpty()) {
            throw new RulesetException("the ruleset has no .drl files: refusing to run without rules");
        }
        return new RulesetSource(sorted, hash(sorted));
    }

    /** Every {@code *.drl} file under a directory (the project's {@code rules/} in development and tests). */
    public static RulesetSource fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RulesetException("rules directory not found: " + directory.toAbsolutePath());
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            List<RuleFile> files = new ArrayList<>();
            for (Path path : paths.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String name = directory.relativize(path).toString().replace('\\', '/');
                files.add(new RuleFile(name, Files.readString(path, StandardCharsets.UTF_8)));
            }
            return of(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules from " + directory, e);
        }
    }

    /** The DRL files packaged under {@code folder/} on the classpath, as listed by the build's index. */
    public static RulesetSource fromClasspath(ClassLoader loader, String folder) {
        String index = read(loader, folder + "/" + INDEX);
        if (index == null) {
            throw new RulesetException("no " + folder + "/" + INDEX + " on the classpath: was the project built with Maven?");
        }
        List<RuleFile> files = new ArrayList<>();
        for (String name : index.split("\n")) {
            if (!name.isBlank()) {
                String content = read(loader, folder + "/" + name.strip());
                if (content == null) {
                    throw new RulesetException("rule file listed in the index is missing: " + name);
                }
                files.add(new RuleFile(name.strip(), content));
            }
        }
        return of(files);
    }

    /** The index file's content for these files: one name a line. */
    public String index() {
        StringBuilder text = new StringBuilder();
        files.forEach(file -> text.append(file.name()).append('\n'));
        return text.toString();
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String hash(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
