package io.rapport.platform.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** HTTP limits shared by every service and the gateway. */
@ConfigMapping(prefix = "rapport.http")
public interface HttpConfig {
    /** Largest request body accepted by default, in bytes; {@code @LargeBody} endpoints accept more. */
    @WithDefault("1048576")
    long maxBodySize();

    /** Largest body of a {@code @LargeBody} endpoint (bulk import), in bytes. */
    @WithDefault("268435456")
    long maxLargeBodySize();
}
