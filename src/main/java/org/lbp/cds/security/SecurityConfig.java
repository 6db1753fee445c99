package org.lbp.cds.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Token settings ({@code lbp.security.*}); verification itself is smallrye-jwt's {@code mp.jwt.verify.*}. */
@ConfigMapping(prefix = "lbp.security")
public interface SecurityConfig {

    /** Generate a local key pair on first start (embedded dev and test profiles only; never in production). */
    @WithDefault("false")
    boolean localKeys();

    /** Where the local key pair lives: outside the repository. */
    @WithDefault("${user.home}/.lbp-cds/keys")
    String keyDir();

    /** The issuer and audience of locally minted tokens (the same as mp.jwt.verify.issuer / audiences). */
    @WithDefault("urn:lbp-cds:local")
    String issuer();

    @WithDefault("lbp-cds")
    String audience();

    /** How long a locally minted token is valid. */
    @WithDefault("8h")
    Duration tokenLifetime();
}
