package io.rapport.engagement.domain.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeTokenTest {
    private final UnsubscribeToken tokens = new UnsubscribeToken("a-key-of-sixteen-chars");
    private final UnsubscribeToken.Claims claims =
            new UnsubscribeToken.Claims(UUID.randomUUID(), "EMAIL", UUID.randomUUID());

    @Test
    void aSignedTokenNamesItsCustomerChannelAndContact() {
        assertThat(tokens.verify(tokens.sign(claims))).contains(claims);
    }

    @Test
    void aTamperedTokenOrAnotherKeysTokenIsRefused() {
        String token = tokens.sign(claims);
        String otherCustomer = tokens.sign(new UnsubscribeToken.Claims(UUID.randomUUID(), "EMAIL", claims.contactId()));
        String forged = otherCustomer.substring(0, otherCustomer.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(tokens.verify(forged)).isEmpty();
        assertThat(new UnsubscribeToken("another-key-of-16-chars").verify(token))
                .isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 2))).isEmpty();
        assertThat(tokens.verify("not a token")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new UnsubscribeToken("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
