package io.rapport.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.service.ContactDispatcher;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher claims due contacts in the priority order of pressure.ContactPriority (purpose rank, then the more
 * valuable customer, then the earlier request, then the id), the order re-planning uses, not an order of its own. The
 * expected order is written out here by hand from the rule in docs/domain-rules.md.
 */
@QuarkusTest
class ContactPriorityOrderIT {
    /** A moment before every other test's contacts, so only this test's contacts are due. */
    private static final String NOW = "2019-06-03T12:00:00Z";

    @Inject
    TestClock clock;

    @Inject
    ContactDispatcher dispatcher;

    @Inject
    EntityManager em;

    @Test
    void dueContactsAreClaimedByPurposeRankThenValueThenRequestTimeThenId() {
        clock.set(NOW);
        String run = UUID.randomUUID().toString();
        UUID tieA = UUID.randomUUID();
        UUID tieB = UUID.randomUUID();
        if (tieA.toString().compareTo(tieB.toString()) > 0) {
            UUID t = tieA;
            tieA = tieB;
            tieB = t;
        }
        // label -> purpose, customer value, requested at, due at (all due before NOW, none expired)
        Map<String, Object[]> contacts = new LinkedHashMap<>();
        contacts.put("campaign-rich", row(UUID.randomUUID(), "CAMPAIGN", "90000", "2019-05-01", "2019-06-03T07:00"));
        contacts.put("review-rich", row(UUID.randomUUID(), "REVIEW", "500", "2019-05-01", "2019-06-03T07:00"));
        contacts.put(
                "satisfaction-poor",
                row(UUID.randomUUID(), "SATISFACTION_CHECK", "10", "2019-05-30", "2019-06-03T09:00"));
        // same purpose and value: the earlier request goes first although its slot came later
        contacts.put(
                "check-in-asked-early", row(UUID.randomUUID(), "CHECK_IN", "50", "2019-05-20", "2019-06-03T08:00"));
        contacts.put("check-in-asked-late", row(UUID.randomUUID(), "CHECK_IN", "50", "2019-05-25", "2019-06-02T08:00"));
        contacts.put("complaint", row(UUID.randomUUID(), "COMPLAINT_FOLLOW_UP", "0", "2019-06-02", "2019-06-03T10:00"));
        // same purpose, value and request: the id decides
        contacts.put("contact-us-tie-b", row(tieB, "CONTACT_US", "0", "2019-05-01", "2019-06-01T07:00"));
        contacts.put("contact-us-tie-a", row(tieA, "CONTACT_US", "0", "2019-05-01", "2019-06-03T07:00"));
        contacts.put("contact-us-richer", row(UUID.randomUUID(), "CONTACT_US", "1", "2019-05-02", "2019-06-03T07:00"));

        QuarkusTransaction.requiringNew()
                .run(() -> contacts.forEach((label, c) -> em.createNativeQuery("""
                        insert into contact (id, customer_id, source_key, channel, purpose, state, requested_at, due_at,
                                             expires_at, assignee_id, customer_value, created_by, created_at)
                        values (?1, gen_random_uuid(), ?2, 'EMAIL', ?3, 'PLANNED', cast(?4 as timestamptz),
                                cast(?5 as timestamptz), timestamptz '2019-06-30 00:00Z', 'automation', cast(?6 as numeric),
                                'test', timestamptz '2019-04-01 00:00Z')
                        """)
                        .setParameter(1, c[0])
                        .setParameter(2, "order-" + run + ":" + label)
                        .setParameter(3, c[1])
                        .setParameter(4, c[3] + "T00:00:00Z")
                        .setParameter(5, c[4] + ":00Z")
                        .setParameter(6, c[2])
                        .executeUpdate()));

        List<String> claimed = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            String worker = "order-" + run + "-" + i;
            int n = QuarkusTransaction.requiringNew().call(() -> dispatcher.claimBatch(worker, 1));
            assertThat(n).as("batch %d", i).isEqualTo(1);
            claimed.add(labelClaimedBy(worker, run));
        }
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from message_delivery where contact_id in"
                                + " (select id from contact where source_key like ?1)")
                        .setParameter(1, "order-" + run + ":%")
                        .executeUpdate());

        assertThat(claimed)
                .containsExactly(
                        "complaint",
                        "satisfaction-poor",
                        "review-rich",
                        "check-in-asked-early",
                        "check-in-asked-late",
                        "contact-us-richer",
                        "contact-us-tie-a",
                        "contact-us-tie-b",
                        "campaign-rich");
    }

    private static Object[] row(UUID id, String purpose, String value, String requested, String due) {
        return new Object[] {id, purpose, value, requested, due};
    }

    private String labelClaimedBy(String worker, String run) {
        String key = (String) em.createNativeQuery(
                        "select c.source_key from contact_dispatch d join contact c on c.id = d.contact_id where d.worker = ?1")
                .setParameter(1, worker)
                .getSingleResult();
        return key.substring(("order-" + run + ":").length());
    }
}
