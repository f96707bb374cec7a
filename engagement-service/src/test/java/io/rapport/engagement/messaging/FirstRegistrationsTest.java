package io.rapport.engagement.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FirstRegistrationsTest {
    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final UUID CAROL = UUID.randomUUID();

    /** A test event: what it names, and whom it registers (null: not a registration that is applied). */
    private record Event(String name, Set<UUID> names, UUID registers) {}

    private static Event registration(String name, UUID id) {
        return new Event(name, Set.of(id), id);
    }

    private static Event naming(String name, UUID... ids) {
        return new Event(name, Set.of(ids), null);
    }

    private static Map<UUID, Event> first(Event... events) {
        return FirstRegistrations.of(
                List.of(events),
                e -> e.names() == null ? null : new FirstRegistrations.Names(e.names(), e.registers()));
    }

    @Test
    void aRegistrationThatIsTheFirstEventNamingItsCustomerQualifies() {
        Event alice = registration("alice", ALICE);
        Event bob = registration("bob", BOB);

        assertThat(first(alice, naming("carol's purchase", CAROL), bob))
                .containsExactly(Map.entry(ALICE, alice), Map.entry(BOB, bob));
    }

    @Test
    void onlyTheFirstOfTwoRegistrationsOfOneCustomerQualifies() {
        Event once = registration("once", ALICE);

        assertThat(first(once, registration("again", ALICE))).containsExactly(Map.entry(ALICE, once));
    }

    @Test
    void anEarlierEventNamingTheCustomerDisqualifiesItsRegistration() {
        assertThat(first(naming("purchase", ALICE), registration("alice", ALICE)))
                .isEmpty();
        assertThat(first(naming("merge of bob into alice", ALICE, BOB), registration("alice", ALICE)))
                .as("a merge names the survivor too")
                .isEmpty();
    }

    @Test
    void aLaterEventNamingTheCustomerDoesNot() {
        Event alice = registration("alice", ALICE);

        assertThat(first(alice, naming("consent of alice", ALICE))).containsOnlyKeys(ALICE);
    }

    @Test
    void aRegistrationThatIsNotAppliedQualifiesNothingAndStillNamesItsCustomer() {
        assertThat(first(naming("stale registration", ALICE), registration("alice", ALICE)))
                .isEmpty();
    }

    @Test
    void afterAnEventWhoseNamesCannotBeToldNoRegistrationQualifies() {
        Event alice = registration("alice", ALICE);

        assertThat(first(alice, new Event("unreadable", null, null), registration("bob", BOB)))
                .containsOnlyKeys(ALICE);
    }
}
