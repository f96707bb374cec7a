package io.rapport.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "/api/v1/customers, customer, CUSTOMERS",
        "/api/v1/customers/42/purchases, customer, CUSTOMERS",
        "/api/v1/segments/customers/42, segmentation, SEGMENTS",
        "/api/v1/engagement/complaints/7/resolve, engagement, COMPLAINTS",
        "/api/v1/engagement/customers/42/complaints, engagement, COMPLAINTS",
        "/api/v1/engagement/campaigns, engagement, CAMPAIGNS",
        "/api/v1/engagement/customers/42/summary, engagement, ENGAGEMENT",
        "/api/v1/engagement/plans/7, engagement, ENGAGEMENT_SETTINGS",
        "/api/v1/engagement/level-mappings/ABC/A, engagement, ENGAGEMENT_SETTINGS",
        "/api/v1/engagement/pressure-rules, engagement, ENGAGEMENT_SETTINGS",
        "/api/v1/engagement/customers/plans, engagement, ENGAGEMENT",
        "/api/v1/engagement/message-templates, engagement, ENGAGEMENT_SETTINGS",
        "/api/v1/engagement/message-templates/7/preview, engagement, ENGAGEMENT_SETTINGS",
        "/api/v1/engagement/interactions, engagement, INTERACTIONS",
        "/api/v1/engagement/contact-pressure/batch, engagement, ENGAGEMENT",
        "/api/v1/engagement/audit, engagement, AUDIT",
        "/api/v1/segments/audit, segmentation, AUDIT",
        "/api/v1/customers/audit, customer, AUDIT",
        "/api/v1/customers/42/audit, customer, CUSTOMERS",
        "/api/v1/loyalty/audit, loyalty, AUDIT",
        "/api/v1/loyalty/members/7/partner-links, loyalty, PARTNER_CONSENT",
        "/api/v1/loyalty/members/7/partner-links/acme, loyalty, PARTNER_CONSENT",
        "/api/v1/loyalty/members/7/redemption-codes, loyalty, PARTNER_CONSENT",
        "/api/v1/loyalty/members/7/ledger, loyalty, LOYALTY",
        "/api/v1/loyalty/partner-links, loyalty, LOYALTY",
        "/api/v1/loyalty/partner, loyalty, LOYALTY_PARTNER",
        "/api/v1/loyalty/partner/earn, loyalty, LOYALTY_PARTNER",
        "/api/v1/loyalty/partners, loyalty, LOYALTY",
        "/api/v1/loyalty/programmes/1/tiers, loyalty, LOYALTY",
        "/api/v1/webhooks/subscriptions, loyalty, WEBHOOKS",
        "/api/v1/webhooks/subscriptions/7/deliveries, loyalty, WEBHOOKS",
        "/api/v1/admin/customer/dead-letters, customer, ADMIN",
        "/api/v1/admin/segmentation/dead-letters/redrive, segmentation, ADMIN",
        "/api/v1/admin/engagement/dead-letters/7/discard, engagement, ADMIN",
        "/api/v1/admin/loyalty/dead-letters, loyalty, ADMIN"
    })
    void pathsGoToTheirServiceAndGroup(String path, String upstream, RouteGroup group) {
        assertThat(RouteTable.resolve(path)).contains(new Route(upstream, group));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/customersX",
                "/api/v1",
                "/api/v2/customers",
                "/customers",
                "/api/v1/invoices",
                "/api/v1/admin",
                "/api/v1/admin/billing/dead-letters",
                "/api/v1/adminX/loyalty",
                "/api/v1/webhooksX"
            })
    void otherPathsHaveNoRoute(String path) {
        assertThat(RouteTable.resolve(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/loyalty/partner%2F..%2Fprogrammes",
                "/api/v1/customers/%2e%2e/x",
                "/api/v1//customers",
                "/api/v1/customers\\x"
            })
    void pathsThatCouldMeanSomethingElseAreAmbiguous(String path) {
        assertThat(PathRules.ambiguous(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/customers/3f0c6f1e-9a52-4c3b-8d0a-2f7e5b1c9d44", "/api/v1/customers?q=a%20b"})
    void plainPathsAreNotAmbiguous(String path) {
        assertThat(PathRules.ambiguous(path)).isFalse();
    }
}
