package org.lbp.cds.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The local signing key pair of the embedded (dev and test) profiles: an RSA 2048 pair in PEM files
 * ({@code private.pem}, PKCS#8, readable by its owner only; {@code public.pem}, X.509), generated on first use in a
 * folder outside the repository. Production never uses this: its public key is configured.
 */
public final class KeyFiles {

    public static final String PRIVATE = "private.pem";
    public static final String PUBLIC = "public.pem";

    private KeyFiles() {
    }

    /** Makes sure the folder holds a key pair; generates one if it does not. Safe to call concurrently. */
    public static void ensure(Path folder) {
        if (Files.exists(folder.resolve(PUBLIC)) && Files.exists(folder.resolve(PRIVATE))) {
            return;
        }
        try {
            Files.createDirectories(folder);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path privateTemp = Files.createTempFile(folder, "private", ".tmp");
            try {
                Files.setPosixFilePermissions(privateTemp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            Files.writeString(privateTemp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Path publicTemp = Files.createTempFile(folder, "public", ".tmp");
            try {
                Files.setPosixFilePermissions(publicTemp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort
            }
            Files.writeString(publicTemp, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            // the private key first: whoever sees public.pem can rely on private.pem being its pair
            if (!move(privateTemp, folder.resolve(PRIVATE)) || !move(publicTemp, folder.resolve(PUBLIC))) {
                Files.deleteIfExists(privateTemp);
                Files.deleteIfExists(publicTemp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local key pair in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean move(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            return false;
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            return false;
        }
    }

    public static PrivateKey privateKey(Path folder) {
        try {
            String pem = Files.readString(folder.resolve(PRIVATE), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("no private key in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable private key in " + folder, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
