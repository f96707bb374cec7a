package io.rapport.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OwnerRuleTest {
    @Test
    void aRepWhoEntersACustomerOwnsIt() {
        assertThat(OwnerRule.onCreate(null, "alice", false)).isEqualTo("alice");
        assertThat(OwnerRule.onCreate(" ", "alice", false)).isEqualTo("alice");
        assertThat(OwnerRule.onCreate("alice", "alice", false)).isEqualTo("alice");
    }

    @Test
    void aRepCannotNameAnotherOwner() {
        assertThatThrownBy(() -> OwnerRule.onCreate("bob", "alice", false)).isInstanceOf(OwnerRule.NotAllowed.class);
        assertThatThrownBy(() -> OwnerRule.onUpdate("bob", "alice", false)).isInstanceOf(OwnerRule.NotAllowed.class);
    }

    @Test
    void withoutOwnerIdAnUpdateKeepsTheOwner() {
        assertThat(OwnerRule.onUpdate(null, "alice", false)).isEqualTo("alice");
        assertThat(OwnerRule.onUpdate("alice", "alice", false)).isEqualTo("alice");
    }

    @Test
    void anAdminAssignsAnyOwnerOrNone() {
        assertThat(OwnerRule.onCreate("bob", "root", true)).isEqualTo("bob");
        assertThat(OwnerRule.onCreate(null, "root", true)).isNull();
        assertThat(OwnerRule.onUpdate("carol", "alice", true)).isEqualTo("carol");
    }
}
