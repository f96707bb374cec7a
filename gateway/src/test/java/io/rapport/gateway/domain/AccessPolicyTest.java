package io.rapport.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    /** group, roles that may read, roles that may write (space separated; '-' for none). */
    @ParameterizedTest(name = "{0}: read {1}, write {2}")
    @CsvSource({
        "CUSTOMERS,       admin data-steward sales support, admin data-steward sales",
        "SEGMENTS,        admin sales marketing,         admin marketing",
        "COMPLAINTS,      admin sales support,           admin sales support",
        "CAMPAIGNS,       admin marketing,               admin marketing",
        "ENGAGEMENT_SETTINGS, admin sales marketing support, admin marketing",
        "INTERACTIONS,    admin sales marketing support, admin sales support",
        "ENGAGEMENT,      admin sales marketing support, admin sales",
        "LOYALTY,         admin sales marketing,         admin marketing",
        "PARTNER_CONSENT, admin sales support,           admin sales support",
        "LOYALTY_PARTNER, -,                             -",
        "WEBHOOKS,        admin,                         admin",
        "AUDIT,           admin data-steward sales support, admin",
        "ADMIN,           admin,                         admin"
    })
    void everyRoleGetsExactlyItsCellOfTheMatrix(RouteGroup group, String readers, String writers) {
        assertThat(allowed(group, "GET")).isEqualTo(roles(readers));
        assertThat(allowed(group, "HEAD")).isEqualTo(roles(readers));
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(allowed(group, method)).as(method).isEqualTo(roles(writers));
        }
    }

    @ParameterizedTest(name = "{0} {1}: read {2}")
    @CsvSource({
        "POST, /api/v1/engagement/contact-pressure/batch, true",
        "POST, /api/v1/loyalty/programmes/7/quotes, true",
        "POST, /api/v1/loyalty/programmes//quotes, false",
        "POST, /api/v1/loyalty/programmes/7/quotes/x, false",
        "POST, /api/v1/loyalty/programmes/7/benefits, false",
        "POST, /api/v1/engagement/contact-pressure/batch/, false",
        "POST, /api/v1/engagement/message-templates/7/preview, false",
        "PUT,  /api/v1/engagement/contact-pressure/batch, false",
        "DELETE, /api/v1/loyalty/programmes/7/quotes, false",
        "GET,  /api/v1/loyalty/programmes/7/benefits, true",
        "OPTIONS, /api/v1/customers, true"
    })
    void postsThatOnlyComputeAreReads(String method, String path, boolean read) {
        assertThat(AccessPolicy.isRead(method, path)).isEqualTo(read);
    }

    @Test
    void aPostReadIsOpenToTheGroupsReadersOnly() {
        Caller marketing = Caller.user("mia", Set.of("marketing"));
        Caller sales = Caller.user("sam", Set.of("sales"));
        Caller support = Caller.user("sue", Set.of("support"));
        String pressure = "/api/v1/engagement/contact-pressure/batch";
        assertThat(AccessPolicy.allows(RouteGroup.ENGAGEMENT, "POST", pressure, marketing))
                .isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.ENGAGEMENT, "POST", pressure, support))
                .isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.ENGAGEMENT, "POST", "/api/v1/engagement/contacts", marketing))
                .isFalse();
        assertThat(AccessPolicy.allows(RouteGroup.LOYALTY, "POST", "/api/v1/loyalty/programmes/1/quotes", sales))
                .isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.LOYALTY, "POST", "/api/v1/loyalty/programmes/1/quotes", support))
                .isFalse();
        assertThat(AccessPolicy.allows(RouteGroup.LOYALTY, "POST", "/api/v1/loyalty/programmes/1/rewards", sales))
                .isFalse();
    }

    @Test
    void aUserWithSeveralRolesGetsTheUnion() {
        Caller both = Caller.user("sam", Set.of("support", "marketing"));
        assertThat(AccessPolicy.allows(RouteGroup.SEGMENTS, "POST", "/api/v1/segments/runs", both))
                .isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.COMPLAINTS, "POST", "/api/v1/engagement/complaints", both))
                .isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.CUSTOMERS, "POST", "/api/v1/customers", both))
                .isFalse();
    }

    @Test
    void aUserWithoutRapportRolesReachesNothing() {
        Caller nobody = Caller.user("eve", Set.of());
        for (RouteGroup group : RouteGroup.values()) {
            assertThat(AccessPolicy.mayRead(group, nobody)).as(group.name()).isFalse();
        }
    }

    @Test
    void partnersReachOnlyPartnerEndpointsWithinTheirScopes() {
        Caller reader = Caller.partner("shop", Set.of(AccessPolicy.SCOPE_READ));
        Caller full = Caller.partner("acme", Set.of(AccessPolicy.SCOPE_READ, AccessPolicy.SCOPE_WRITE));
        assertThat(AccessPolicy.allows(RouteGroup.LOYALTY_PARTNER, "GET", "/x", reader))
                .isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.LOYALTY_PARTNER, "POST", "/x", reader))
                .isFalse();
        assertThat(AccessPolicy.allows(RouteGroup.LOYALTY_PARTNER, "POST", "/x", full))
                .isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.WEBHOOKS, "GET", "/x", reader))
                .isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.WEBHOOKS, "POST", "/x", reader))
                .isFalse();
        assertThat(AccessPolicy.allows(RouteGroup.WEBHOOKS, "PATCH", "/x", full))
                .isTrue();
        for (RouteGroup group : RouteGroup.values()) {
            if (group != RouteGroup.LOYALTY_PARTNER && group != RouteGroup.WEBHOOKS) {
                assertThat(AccessPolicy.mayRead(group, full)).as(group.name()).isFalse();
            }
        }
    }

    private static Set<String> allowed(RouteGroup group, String method) {
        Set<String> result = new TreeSet<>();
        for (String role : AccessPolicy.ROLES) {
            if (AccessPolicy.allows(group, method, "/x", Caller.user("u", Set.of(role)))) {
                result.add(role);
            }
        }
        return result;
    }

    private static Set<String> roles(String list) {
        return list.equals("-")
                ? Set.of()
                : new TreeSet<>(Arrays.asList(list.trim().split("\\s+")));
    }
}
