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
        "ENGAGEMENT,      admin sales marketing support, admin sales",
        "LOYALTY,         admin sales marketing,         admin marketing",
        "LOYALTY_PARTNER, -,                             -",
        "WEBHOOKS,        admin,                         admin",
        "ADMIN,           admin,                         admin"
    })
    void everyRoleGetsExactlyItsCellOfTheMatrix(RouteGroup group, String readers, String writers) {
        assertThat(allowed(group, "GET")).isEqualTo(roles(readers));
        assertThat(allowed(group, "HEAD")).isEqualTo(roles(readers));
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(allowed(group, method)).as(method).isEqualTo(roles(writers));
        }
    }

    @Test
    void aUserWithSeveralRolesGetsTheUnion() {
        Caller both = Caller.user("sam", Set.of("support", "marketing"));
        assertThat(AccessPolicy.allows(RouteGroup.SEGMENTS, "POST", both)).isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.COMPLAINTS, "POST", both)).isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.CUSTOMERS, "POST", both)).isFalse();
    }

    @Test
    void aUserWithoutRapportRolesReachesNothing() {
        Caller nobody = Caller.user("eve", Set.of());
        for (RouteGroup group : RouteGroup.values()) {
            assertThat(AccessPolicy.allows(group, "GET", nobody))
                    .as(group.name())
                    .isFalse();
        }
    }

    @Test
    void partnersReachOnlyPartnerEndpointsWithinTheirScopes() {
        Caller reader = Caller.partner("shop", Set.of(AccessPolicy.SCOPE_READ));
        Caller full = Caller.partner("acme", Set.of(AccessPolicy.SCOPE_READ, AccessPolicy.SCOPE_WRITE));
        assertThat(AccessPolicy.allows(RouteGroup.LOYALTY_PARTNER, "GET", reader))
                .isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.LOYALTY_PARTNER, "POST", reader))
                .isFalse();
        assertThat(AccessPolicy.allows(RouteGroup.LOYALTY_PARTNER, "POST", full))
                .isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.WEBHOOKS, "GET", reader)).isTrue();
        assertThat(AccessPolicy.allows(RouteGroup.WEBHOOKS, "POST", reader)).isFalse();
        assertThat(AccessPolicy.allows(RouteGroup.WEBHOOKS, "PATCH", full)).isTrue();
        for (RouteGroup group : RouteGroup.values()) {
            if (group != RouteGroup.LOYALTY_PARTNER && group != RouteGroup.WEBHOOKS) {
                assertThat(AccessPolicy.allows(group, "GET", full))
                        .as(group.name())
                        .isFalse();
            }
        }
    }

    private static Set<String> allowed(RouteGroup group, String method) {
        Set<String> result = new TreeSet<>();
        for (String role : AccessPolicy.ROLES) {
            if (AccessPolicy.allows(group, method, Caller.user("u", Set.of(role)))) {
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
