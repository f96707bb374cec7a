package io.rapport.engagement.service;

import io.rapport.contracts.engagement.CampaignCompleted;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.engagement.domain.Campaign;
import io.rapport.engagement.domain.CampaignEconomics;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Contact;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.Purpose;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Campaigns: the targets are chosen set-based (a class of a scheme, a list, or the top N by value), then each
 * target gets a CAMPAIGN contact through the pressure rules, most valuable customers first so they get the
 * earliest slots. Responses and conversions are recorded per target; the report compares the response rate with
 * the break-even rate.
 */
@ApplicationScoped
public class CampaignService {
    private final EntityManager em;
    private final ContactScheduler scheduler;
    private final Outbox outbox;
    private final Clock clock;

    public CampaignService(EntityManager em, ContactScheduler scheduler, Outbox outbox, Clock clock) {
        this.em = em;
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What a campaign is asked to be. targetKind: CLASS (scheme + classLabel), LIST (customerIds) or TOP_N (topN). */
    public record NewCampaign(String name, Channel channel, String targetKind, String scheme, String classLabel,
            List<UUID> customerIds, Integer topN, Instant startAt, Instant expiresAt, BigDecimal costPerContact,
            BigDecimal marginPerConversion, String currency) {
    }

    @Transactional
    public Campaign launch(NewCampaign n, String by) {
        Instant now = clock.instant();
        Instant start = n.startAt() == null ? now : n.startAt();
        if (start.isBefore(now)) {
            throw ProblemException.unprocessable("due-in-past", "startAt", "must not be in the past");
        }
        if (!n.expiresAt().isAfter(start)) {
            throw ProblemException.unprocessable("expiry-before-start", "expiresAt", "must be after startAt");
        }
        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.name = n.name();
        c.channel = n.channel();
        c.targetKind = n.targetKind();
        c.scheme = n.scheme();
        c.classLabel = n.classLabel();
        c.topN = n.topN();
        c.costPerContact = n.costPerContact();
        c.marginPerConversion = n.marginPerConversion();
        c.currency = n.currency();
        c.requestedAt = start;
        c.expiresAt = n.expiresAt();
        c.state = "ACTIVE";
        c.createdBy = by;
        c.createdAt = now;
        c.persist();
        em.flush();
        insertTargets(c, n);
        @SuppressWarnings("unchecked")
        List<UUID> targets = em.createNativeQuery("select t.customer_id from campaign_target t join customer_profile p"
                + " on p.customer_id = t.customer_id where t.campaign_id = ?1 order by p.value_score desc, p.customer_id")
                .setParameter(1, c.id).getResultList();
        for (UUID customerId : targets) {
            CustomerProfile p = CustomerProfile.findById(customerId);
            Contact contact = scheduler.create(new NewContact(customerId, c.channel, Purpose.CAMPAIGN, start, c.expiresAt, null,
                    c.id, "campaign:" + c.id + ":" + customerId, null, null, "campaign:" + c.name), p, "campaigns");
            em.createNativeQuery("update campaign_target set contact_id = ?1, outcome = ?2 where campaign_id = ?3 and customer_id = ?4")
                    .setParameter(1, contact.id).setParameter(2, contact.state.name()).setParameter(3, c.id)
                    .setParameter(4, customerId).executeUpdate();
        }
        return c;
    }

    private void insertTargets(Campaign c, NewCampaign n) {
        String select = " select ?1, p.customer_id, 'TARGETED' from customer_profile p where p.merged_into is null and not p.erased";
        switch (n.targetKind()) {
            case "CLASS" -> em.createNativeQuery("insert into campaign_target (campaign_id, customer_id, outcome)" + select
                    + " and exists (select 1 from customer_class k where k.customer_id = p.customer_id and k.scheme = ?2"
                    + " and k.class_label = ?3)").setParameter(1, c.id).setParameter(2, n.scheme()).setParameter(3, n.classLabel())
                    .executeUpdate();
            case "TOP_N" -> em.createNativeQuery("insert into campaign_target (campaign_id, customer_id, outcome)" + select
                    + " order by p.value_score desc, p.customer_id limit ?2").setParameter(1, c.id).setParameter(2, n.topN())
                    .executeUpdate();
            case "LIST" -> em.createNativeQuery("insert into campaign_target (campaign_id, customer_id, outcome)" + select
                    + " and p.customer_id = any(cast(?2 as uuid[]))").setParameter(1, c.id)
                    .setParameter(2, n.customerIds().stream().map(UUID::toString).toArray(String[]::new)).executeUpdate();
            default -> throw ProblemException.invalid("targetKind", "must be CLASS, LIST or TOP_N");
        }
    }

    public Campaign get(UUID id) {
        Campaign c = Campaign.findById(id);
        if (c == null) {
            throw ProblemException.notFound("campaign", id);
        }
        return c;
    }

    /** Records that a targeted customer responded (and whether it converted); repeating it changes nothing new. */
    @Transactional
    public void respond(UUID campaignId, UUID customerId, boolean converted) {
        get(campaignId);
        int n = em.createNativeQuery("update campaign_target set responded_at = coalesce(responded_at, ?3),"
                + " converted = converted or ?4 where campaign_id = ?1 and customer_id = ?2")
                .setParameter(1, campaignId).setParameter(2, customerId).setParameter(3, clock.instant()).setParameter(4, converted)
                .executeUpdate();
        if (n == 0) {
            throw ProblemException.unprocessable("not-targeted", "customerId", "customer " + customerId
                    + " is not a target of this campaign");
        }
    }

    /** A campaign's figures: contacted = targets whose contact was made (DONE). */
    public record Report(UUID campaignId, String name, String state, long targeted, long scheduled, long blocked,
            long contacted, long responses, long conversions, BigDecimal responseRate, BigDecimal breakEvenRate,
            BigDecimal totalCost, BigDecimal net, String currency, boolean aboveBreakEven) {
    }

    public Report report(UUID id) {
        Campaign c = get(id);
        Object[] r = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where k.state in ('PLANNED', 'DUE')),"
                + " count(*) filter (where k.state = 'CANCELLED'), count(*) filter (where k.state = 'DONE'),"
                + " count(*) filter (where t.responded_at is not null), count(*) filter (where t.converted)"
                + " from campaign_target t left join contact k on k.id = t.contact_id where t.campaign_id = ?1")
                .setParameter(1, id).getSingleResult();
        long[] v = new long[6];
        for (int i = 0; i < 6; i++) {
            v[i] = ((Number) r[i]).longValue();
        }
        CampaignEconomics e = new CampaignEconomics(v[3], v[4], v[5], c.costPerContact, c.marginPerConversion);
        return new Report(c.id, c.name, c.state, v[0], v[1], v[2], v[3], v[4], v[5], e.responseRate(), e.breakEvenRate(),
                e.totalCost(), e.net(), c.currency, e.aboveBreakEven());
    }

    /** Closes the campaign and publishes its result; open contacts of it are cancelled. */
    @Transactional
    public Report complete(UUID id) {
        Campaign c = get(id);
        if (!"ACTIVE".equals(c.state)) {
            throw ProblemException.conflict("campaign-completed", "campaign " + id + " is already completed", Map.of());
        }
        Instant now = clock.instant();
        em.createNativeQuery("update contact set state = 'CANCELLED', outcome = 'CAMPAIGN_COMPLETED', closed_at = ?2,"
                + " paused_reason = null, version = version + 1 where campaign_id = ?1 and state in ('PLANNED', 'DUE')")
                .setParameter(1, id).setParameter(2, now).executeUpdate();
        c.state = "COMPLETED";
        c.completedAt = now;
        Report r = report(id);
        outbox.publish(EngagementEvents.CAMPAIGN_COMPLETED, c.id, new CampaignCompleted(c.id.toString(), c.name, r.targeted(),
                r.contacted(), r.responses(), r.conversions(), r.responseRate().toPlainString(),
                r.breakEvenRate() == null ? "0" : r.breakEvenRate().toPlainString(), r.totalCost().toPlainString(), c.currency,
                now));
        return new Report(r.campaignId(), r.name(), "COMPLETED", r.targeted(), r.scheduled(), r.blocked(), r.contacted(),
                r.responses(), r.conversions(), r.responseRate(), r.breakEvenRate(), r.totalCost(), r.net(), r.currency(),
                r.aboveBreakEven());
    }
}
