package org.lbp.cds.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints a token signed with the local key pair, for the embedded profiles:
 * {@code ./mvnw -q compile exec:java@token -Drole=clinician} (or auditor, admin). Prints the token only.
 * Arguments: role [subject] [hours]; the key folder is {@code -Dlbp.security.key-dir} (default ~/.lbp-cds/keys).
 */
public final class MintToken {

    private MintToken() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || Arrays.stream(Roles.ALL).noneMatch(args[0]::equals)) {
            System.err.println("usage: MintToken <clinician|auditor|admin> [subject] [hours]");
            System.exit(2);
        }
        Path folder = Path.of(System.getProperty("lbp.security.key-dir",
                System.getProperty("user.home") + "/.lbp-cds/keys"));
        KeyFiles.ensure(folder);
        String subject = args.length > 1 ? args[1] : "local-" + args[0];
        Duration lifetime = Duration.ofHours(args.length > 2 ? Long.parseLong(args[2]) : 8);
        System.out.println(mint(folder, "urn:lbp-cds:local", "lbp-cds", subject, Set.of(args[0]), lifetime));
    }

    public static String mint(Path folder, String issuer, String audience, String subject, Set<String> roles, Duration lifetime) {
        return Jwt.issuer(issuer).audience(audience).subject(subject).upn(subject).groups(roles)
                .expiresIn(lifetime).sign(KeyFiles.privateKey(folder));
    }
}
