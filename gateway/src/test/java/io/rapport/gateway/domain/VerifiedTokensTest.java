package io.rapport.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.gateway.security.VerifiedTokens;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private final Caller alice = Caller.user("alice", Set.of("sales"));

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(60, 10);
        tokens.put("t1", alice, 1_030, 1_000);
        assertThat(tokens.get("t1", 1_029)).isEqualTo(alice);
        assertThat(tokens.get("t1", 1_030)).isNull();
        assertThat(tokens.get("t2", 1_000)).isNull();
    }

    @Test
    void noEntryOutlivesTheMaximumAge() {
        VerifiedTokens tokens = new VerifiedTokens(60, 10);
        tokens.put("t1", alice, 99_999, 1_000);
        assertThat(tokens.get("t1", 1_059)).isEqualTo(alice);
        assertThat(tokens.get("t1", 1_060)).isNull();
    }

    @Test
    void theCacheIsBounded() {
        VerifiedTokens tokens = new VerifiedTokens(60, 2);
        tokens.put("a", alice, 2_000, 1_000);
        tokens.put("b", alice, 2_000, 1_000);
        tokens.put("c", alice, 2_000, 1_000);
        assertThat(tokens.get("c", 1_001)).isEqualTo(alice);
        assertThat(tokens.get("a", 1_001)).isNull();
    }
}
