package io.rapport.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.engagement.domain.pressure.CustomerContext;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The customer as the contact-pressure rules see it, built in one place for single contacts and purchase batches. */
class CustomerProfileContextTest {

    @Test
    void anErasedCustomerCountsAsDoNotContactAndConsentsAndPreferencesAreRead() {
        CustomerProfile p = new CustomerProfile();
        p.timeZone = "Europe/Berlin";
        p.consentEmail = true;
        p.consentSms = false;
        p.level = Level.PROACTIVE;
        p.channelPreference = "SMS, EMAIL";
        p.erased = true;

        CustomerContext context = p.context(true);

        assertThat(context.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(context.consents()).isEqualTo(Map.of("EMAIL", true, "SMS", false));
        assertThat(context.doNotContact()).isTrue();
        assertThat(context.complaintOpen()).isTrue();
        assertThat(context.level()).isEqualTo(Level.PROACTIVE);
        assertThat(context.preferredChannels()).containsExactly(Channel.SMS, Channel.EMAIL);
    }

    @Test
    void anUnknownZoneIsUtcAndNoPreferenceMeansNone() {
        CustomerProfile p = new CustomerProfile();
        p.timeZone = "Mars/Olympus";
        p.level = Level.BASIC;

        CustomerContext context = p.context(false);

        assertThat(context.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(context.doNotContact()).isFalse();
        assertThat(context.complaintOpen()).isFalse();
        assertThat(context.preferredChannels()).isEqualTo(List.of());
    }
}
