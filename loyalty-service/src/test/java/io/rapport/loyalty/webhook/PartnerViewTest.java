package io.rapport.loyalty.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PartnerViewTest {
    @Test
    void aPartnerSeesTheMemberNumberAndTheFactsButNoCustomerIdBalanceOrOtherPartner() throws Exception {
        String earned =
                "{\"entryId\":\"e1\",\"memberId\":\"m1\",\"programmeId\":\"p1\",\"customerId\":\"c1\",\"points\":80,"
                        + "\"balance\":1234,\"source\":\"PARTNER\",\"sourceKey\":\"k\",\"reason\":\"INV-9 for Jane\",\"partnerId\":\"other\","
                        + "\"expiresAt\":null,\"occurredAt\":\"2026-12-01T00:00:00Z\"}";
        ObjectNode view = PartnerView.of(
                "rapport.loyalty.points-earned.v1", new ObjectMapper().readTree(earned), "HAIER-1", "mine");
        assertThat(view.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "memberNumber", "programmeId", "entryId", "points", "source", "expiresAt", "occurredAt");
        ObjectNode own = PartnerView.of(
                "rapport.loyalty.points-earned.v1",
                new ObjectMapper().readTree(earned.replace("other", "mine")),
                "HAIER-1",
                "mine");
        assertThat(own.path("partnerId").asText()).isEqualTo("mine");
        assertThat(PartnerView.supports("rapport.loyalty.referral-completed.v1"))
                .isFalse();
        assertThat(Entitlements.PARTNER).allMatch(PartnerView::supports);
    }
}
