package io.rapport.gateway.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Applies the stub upstreams to every {@code @QuarkusTest} of the module (one boot for all). */
@QuarkusTestResource(StubUpstreams.class)
public final class GatewayTestSupport {
    private GatewayTestSupport() {}
}
