package io.rapport.loyalty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewCustomerRuleTest {
    private static final Instant ISSUED = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant REGISTERED = ISSUED.plus(Duration.ofDays(3));
    private static final Instant APPLIED = REGISTERED.plusSeconds(5);

    @Test
    void aCustomerRegisteredAfterTheCodeWithoutEarlierPurchasesQualifies() {
        assertThat(NewCustomerRule.notQualifying(ISSUED, REGISTERED, APPLIED, null))
                .isEmpty();
        assertThat(NewCustomerRule.notQualifying(ISSUED, REGISTERED, APPLIED, APPLIED.plusSeconds(60)))
                .isEmpty();
    }

    @Test
    void aCustomerRegisteredBeforeTheCodeWasIssuedDoesNotQualify() {
        assertThat(NewCustomerRule.notQualifying(ISSUED, ISSUED.minusSeconds(1), APPLIED, null))
                .get()
                .asString()
                .contains("before the code was issued");
    }

    @Test
    void aCustomerWhoBoughtBeforeApplyingTheCodeDoesNotQualify() {
        assertThat(NewCustomerRule.notQualifying(ISSUED, REGISTERED, APPLIED, APPLIED.minusSeconds(1)))
                .get()
                .asString()
                .contains("before the code was applied");
    }

    @Test
    void aCustomerWhoseRegistrationIsUnknownDoesNotQualify() {
        assertThat(NewCustomerRule.notQualifying(ISSUED, null, APPLIED, null)).isPresent();
    }
}
