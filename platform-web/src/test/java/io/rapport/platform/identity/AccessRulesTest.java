package io.rapport.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {
    @Allow({Roles.SALES, Roles.SUPPORT})
    void readers() {}

    @Allow(value = Roles.DATA_STEWARD, owner = Roles.SALES, object = "customer")
    void ownerOrSteward() {}

    @Allow(Roles.PARTNER)
    void partners() {}

    @Allow(value = Roles.SUPPORT, services = "engagement-service")
    void sendTimeRead() {}

    private static Allow rule(String method) throws NoSuchMethodException {
        return AccessRulesTest.class.getDeclaredMethod(method).getAnnotation(Allow.class);
    }

    @Test
    void adminPassesEveryRuleAndARouteWithoutARuleIsAdminOnly() throws Exception {
        assertThat(AccessRules.decide(rule("readers"), Set.of("admin"), false))
                .isEqualTo(AccessFilter.Decision.ALLOWED);
        assertThat(AccessRules.decide(null, Set.of("admin"), false)).isEqualTo(AccessFilter.Decision.ALLOWED);
        assertThat(AccessRules.decide(null, Set.of("sales", "marketing"), false))
                .isEqualTo(AccessFilter.Decision.DENIED);
        assertThat(AccessRules.decide(null, Set.of(), true)).isEqualTo(AccessFilter.Decision.DENIED);
    }

    @Test
    void listedRolesPassOthersAreDenied() throws Exception {
        assertThat(AccessRules.decide(rule("readers"), Set.of("support"), false))
                .isEqualTo(AccessFilter.Decision.ALLOWED);
        assertThat(AccessRules.decide(rule("readers"), Set.of("marketing"), false))
                .isEqualTo(AccessFilter.Decision.DENIED);
        assertThat(AccessRules.decide(rule("readers"), Set.of(), false)).isEqualTo(AccessFilter.Decision.DENIED);
    }

    @Test
    void ownerRolesNeedTheObjectUnlessAnotherRoleAllowsAnything() throws Exception {
        assertThat(AccessRules.decide(rule("ownerOrSteward"), Set.of("sales"), false))
                .isEqualTo(AccessFilter.Decision.OWNER_ONLY);
        assertThat(AccessRules.decide(rule("ownerOrSteward"), Set.of("sales", "data-steward"), false))
                .isEqualTo(AccessFilter.Decision.ALLOWED);
        assertThat(AccessRules.decide(rule("ownerOrSteward"), Set.of("support"), false))
                .isEqualTo(AccessFilter.Decision.DENIED);
    }

    @Test
    void partnersAreCallersWithAPartnerIdNotARole() throws Exception {
        assertThat(AccessRules.decide(rule("partners"), Set.of(), true)).isEqualTo(AccessFilter.Decision.ALLOWED);
        // "partner" is not a role a user token can carry to pass such a rule
        assertThat(AccessRules.decide(rule("partners"), Set.of("partner"), false))
                .isEqualTo(AccessFilter.Decision.DENIED);
        assertThat(AccessRules.decide(rule("partners"), Set.of("sales"), false))
                .isEqualTo(AccessFilter.Decision.DENIED);
    }

    @Test
    void aServiceCallingForItselfPassesOnlyReadsOfRoutesThatNameIt() throws Exception {
        assertThat(AccessRules.decide(rule("sendTimeRead"), "engagement-service", true))
                .isEqualTo(AccessFilter.Decision.ALLOWED);
        // a write on the same route, another service, a route not naming it, a route without a rule
        assertThat(AccessRules.decide(rule("sendTimeRead"), "engagement-service", false))
                .isEqualTo(AccessFilter.Decision.DENIED);
        assertThat(AccessRules.decide(rule("sendTimeRead"), "loyalty-service", true))
                .isEqualTo(AccessFilter.Decision.DENIED);
        assertThat(AccessRules.decide(rule("readers"), "engagement-service", true))
                .isEqualTo(AccessFilter.Decision.DENIED);
        assertThat(AccessRules.decide(rule("ownerOrSteward"), "engagement-service", true))
                .isEqualTo(AccessFilter.Decision.DENIED);
        assertThat(AccessRules.decide(null, "engagement-service", true)).isEqualTo(AccessFilter.Decision.DENIED);
    }
}
