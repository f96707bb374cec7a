package io.rapport.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxyHeadersTest {

    @Test
    void hopByHopCredentialsAndIdentityHeadersAreNotForwarded() {
        for (String name : new String[] {
            "Connection",
            "Keep-Alive",
            "Transfer-Encoding",
            "Upgrade",
            "TE",
            "Trailer",
            "Proxy-Authorization",
            "Host",
            "Authorization",
            "X-Api-Key",
            "X-Rapport-Principal",
            "x-rapport-roles",
            "X-RAPPORT-PARTNER-ID"
        }) {
            assertThat(ProxyHeaders.forwardRequestHeader(name, Set.of()))
                    .as(name)
                    .isFalse();
        }
        assertThat(ProxyHeaders.forwardRequestHeader("Content-Type", Set.of())).isTrue();
        assertThat(ProxyHeaders.forwardRequestHeader("If-Match", Set.of())).isTrue();
        assertThat(ProxyHeaders.forwardRequestHeader("traceparent", Set.of())).isTrue();
    }

    @Test
    void headersNamedInConnectionAreHopByHop() {
        Set<String> tokens = ProxyHeaders.connectionTokens("keep-alive, X-Private");
        assertThat(tokens).containsExactlyInAnyOrder("keep-alive", "x-private");
        assertThat(ProxyHeaders.forwardRequestHeader("X-Private", tokens)).isFalse();
        assertThat(ProxyHeaders.forwardResponseHeader("x-private", tokens)).isFalse();
        assertThat(ProxyHeaders.forwardResponseHeader("ETag", tokens)).isTrue();
    }

    @Test
    void requestIdsMustBeShortAndPlain() {
        assertThat(ProxyHeaders.acceptableRequestId("req-42.a:b_c")).isTrue();
        assertThat(ProxyHeaders.acceptableRequestId("a\r\nSet-Cookie: x")).isFalse();
        assertThat(ProxyHeaders.acceptableRequestId("x".repeat(129))).isFalse();
        assertThat(ProxyHeaders.acceptableRequestId("")).isFalse();
    }

    @Test
    void traceparentsFollowTheW3cShape() {
        assertThat(ProxyHeaders.validTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isTrue();
        assertThat(ProxyHeaders.validTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .isFalse();
        assertThat(ProxyHeaders.validTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
                .isFalse();
        assertThat(ProxyHeaders.validTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isFalse();
        assertThat(ProxyHeaders.validTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
                .isFalse();
        assertThat(ProxyHeaders.validTraceparent(ProxyHeaders.newTraceparent(new Random(7))))
                .isTrue();
    }

    @Test
    void apiKeysAreStoredAsSha256() {
        assertThat(ApiKeyHash.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiKeyHash.sameDigest(ApiKeyHash.sha256Hex("k"), ApiKeyHash.sha256Hex("k")))
                .isTrue();
        assertThat(ApiKeyHash.sameDigest(ApiKeyHash.sha256Hex("k"), ApiKeyHash.sha256Hex("j")))
                .isFalse();
    }
}
