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
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Campaigns: the targets are chosen set-based (a class of a scheme, a list, or the top N by value), then each
 * target gets a CAMPAIGN contact through the pressure rules, most valuable customers first so they get the
 * earliest slots. Responses and conversions are recorded per target; the report compares the response rate with
 * the break-even rate.
 */
@ApplicationScoped
public class CampaignService {
    /** The outcome of an open contact cancelled because its campaign was completed. */
    static final String COMPLETED_OUTCOME = "CAMPAIGN_COMPLETED";

    public static final String ACTIVE = "ACTIVE";
    public static final String COMPLETED = "COMPLETED";
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
    public record NewCampaign(
            String name,
            Channel channel,
            String targetKind,
            String scheme,
            String classLabel,
            List<UUID> customerIds,
            Integer topN,
            Instant startAt,
            Instant expiresAt,
            BigDecimal costPerContact,
            BigDecimal marginPerConversion,
            String currency) {}

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
        c.state = ACTIVE;
        c.createdBy = by;
        c.createdAt = now;
        c.persist();
        em.flush();
        insertTargets(c, n);
        @SuppressWarnings("unchecked")
        List<UUID> targets = em.createNativeQuery(
                        "select t.customer_id from campaign_target t join customer_profile p"
                                + " on p.customer_id = t.customer_id where t.campaign_id = ?1 order by p.value_score desc, p.customer_id")
                .setParameter(1, c.id)
                .getResultList();
        for (UUID customerId : targets) {
            CustomerProfile p = CustomerProfile.findById(customerId);
            Contact contact = scheduler.create(
                    new NewContact(
                            customerId,
                            c.channel,
                            Purpose.CAMPAIGN,
                            start,
                            c.expiresAt,
                            null,
                            c.id,
                            "campaign:" + c.id + ":" + customerId,
                            null,
                            null,
                            "campaign:" + c.name),
                    p,
                    "campaigns");
            em.createNativeQuery(
                            "update campaign_target set contact_id = ?1, outcome = ?2 where campaign_id = ?3 and customer_id = ?4")
                    .setParameter(1, contact.id)
                    .setParameter(2, contact.state.name())
                    .setParameter(3, c.id)
                    .setParameter(4, customerId)
                    .executeUpdate();
        }
        return c;
    }

    private void insertTargets(Campaign c, NewCampaign n) {
        String select =
                " select ?1, p.customer_id, 'TARGETED' from customer_profile p where p.merged_into is null and not p.erased";
        switch (n.targetKind()) {
            case "CLASS" ->
                em.createNativeQuery("insert into campaign_target (campaign_id, customer_id, outcome)" + select
                                + " and exists (select 1 from customer_class k where k.customer_id = p.customer_id and k.scheme = ?2"
                                + " and k.class_label = ?3)")
                        .setParameter(1, c.id)
                        .setParameter(2, n.scheme())
                        .setParameter(3, n.classLabel())
                        .executeUpdate();
            case "TOP_N" ->
                em.createNativeQuery("insert into campaign_target (campaign_id, customer_id, outcome)" + select
                                + " order by p.value_score desc, p.customer_id limit ?2")
                        .setParameter(1, c.id)
                        .setParameter(2, n.topN())
                        .executeUpdate();
            case "LIST" ->
                em.createNativeQuery("insert into campaign_target (campaign_id, customer_id, outcome)" + select
                                + " and p.customer_id = any(cast(?2 as uuid[]))")
                        .setParameter(1, c.id)
                        .setParameter(
                                2, n.customerIds().stream().map(UUID::toString).toArray(String[]::new))
                        .executeUpdate();
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

    /** Campaigns, optionally only ACTIVE or COMPLETED ones, sorted by createdAt (default newest first) or name. */
    public Page<Campaign> list(String state, PageRequest page) {
        PageRequest.Sort sort = page.validate(Set.of("createdAt", "name"), "createdAt,desc");
        String where = state == null ? "" : " where c.state = :state";
        String order = " order by c." + sort.field() + " " + sort.direction() + ", c.id " + sort.direction();
        var select = em.createQuery("select c from Campaign c" + where + order, Campaign.class);
        var count = em.createQuery("select count(c) from Campaign c" + where, Long.class);
        if (state != null) {
            select.setParameter("state", state);
            count.setParameter("state", state);
        }
        List<Campaign> items =
                select.setFirstResult(page.offset()).setMaxResults(page.size).getResultList();
        return Page.of(items, page, count.getSingleResult());
    }

    /** Records that a targeted customer responded (and whether it converted); repeating it changes nothing new. */
    @Transactional
    public void respond(UUID campaignId, UUID customerId, boolean converted) {
        get(campaignId);
        int n = em.createNativeQuery("update campaign_target set responded_at = coalesce(responded_at, ?3),"
                        + " converted = converted or ?4 where campaign_id = ?1 and customer_id = ?2")
                .setParameter(1, campaignId)
                .setParameter(2, customerId)
                .setParameter(3, clock.instant())
                .setParameter(4, converted)
                .executeUpdate();
        if (n == 0) {
            throw ProblemException.unprocessable(
                    "not-targeted", "customerId", "customer " + customerId + " is not a target of this campaign");
        }
    }

    /**
     * A campaign's figures. contacted: targets whose contact was made (DONE) or who responded (a response proves the
     * target was reached, even before the rep marks the call made). scheduled: open contacts waiting for their slot;
     * paused: open contacts held by an open complaint. blocked: targets not reached, by reason in blockedBy (the
     * contact-pressure rule that stopped the contact: CONSENT, DO_NOT_CONTACT, FREQUENCY_CAP, QUIET_HOURS, WEEKEND;
     * NOT_MADE_IN_TIME when it expired on the agenda; MISSED, CANCELLED by hand, ERASED, LEVEL_CHANGED). withdrawn:
     * open contacts cancelled when the campaign was completed (not blocked).
     */
    @Schema(name = "CampaignReport", examples = """
            {"campaignId":"7d3e2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f","name":"Ask our top customers","state":"ACTIVE",
             "targeted":50,"scheduled":40,"paused":2,"blocked":8,"blockedBy":{"CONSENT":5,"FREQUENCY_CAP":3},"withdrawn":0,
             "contacted":20,"responses":2,"conversions":1,"responseRate":"0.1000","breakEvenRate":"0.0250",
             "totalCost":"80.00","revenue":"160.00","net":"80.00","currency":"EUR","aboveBreakEven":true}""")
    public record Report(
            UUID campaignId,
            String name,
            String state,
            long targeted,
            long scheduled,
            long paused,
            long blocked,
            Map<String, Long> blockedBy,
            long withdrawn,
            long contacted,
            long responses,
            long conversions,
            BigDecimal responseRate,
            BigDecimal breakEvenRate,
            BigDecimal totalCost,
            BigDecimal revenue,
            BigDecimal net,
            String currency,
            boolean aboveBreakEven) {}

    public Report report(UUID id) {
        Campaign c = get(id);
        Object[] r = (Object[]) em.createNativeQuery("select count(*),"
                        + " count(*) filter (where k.state in ('PLANNED', 'DUE') and k.paused_reason is null),"
                        + " count(*) filter (where k.state in ('PLANNED', 'DUE') and k.paused_reason is not null),"
                        + " count(*) filter (where k.state = 'CANCELLED' and k.outcome = '" + COMPLETED_OUTCOME + "'"
                        + " and t.responded_at is null),"
                        + " count(*) filter (where k.state = 'DONE' or t.responded_at is not null),"
                        + " count(*) filter (where t.responded_at is not null), count(*) filter (where t.converted)"
                        + " from campaign_target t left join contact k on k.id = t.contact_id where t.campaign_id = ?1")
                .setParameter(1, id)
                .getSingleResult();
        long[] v = new long[7];
        for (int i = 0; i < 7; i++) {
            v[i] = ((Number) r[i]).longValue();
        }
        Map<String, Long> blockedBy = blockedBy(id);
        long blocked = blockedBy.values().stream().mapToLong(Long::longValue).sum();
        CampaignEconomics e = new CampaignEconomics(v[4], v[5], v[6], c.costPerContact, c.marginPerConversion);
        return new Report(
                c.id,
                c.name,
                c.state,
                v[0],
                v[1],
                v[2],
                blocked,
                blockedBy,
                v[3],
                v[4],
                v[5],
                v[6],
                e.responseRate(),
                e.breakEvenRate(),
                e.totalCost(),
                e.revenue(),
                e.net(),
                c.currency,
                e.aboveBreakEven());
    }

    /**
     * Targets not reached (no response, contact closed without being made, not withdrawn by the completion), counted
     * by one reason each: a cancelled contact's reason is the rule that closed it (the code before ':' of its
     * outcome); a contact that expired at placement is charged to the rule that pushed its first slot past the
     * expiry (frequency cap before weekend before quiet hours, from its adjustment log); one that expired on the
     * agenda is NOT_MADE_IN_TIME.
     */
    private Map<String, Long> blockedBy(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select reason, count(*) from (select case"
                        + " when k.id is null then 'NO_CONTACT'"
                        + " when k.state = 'EXPIRED' then coalesce((select a.rule from contact_adjustment a where a.contact_id = k.id"
                        + "   and a.outcome = 'EXPIRED' and a.rule in ('FREQUENCY_CAP', 'WEEKEND', 'QUIET_HOURS')"
                        + "   order by case a.rule when 'FREQUENCY_CAP' then 0 when 'WEEKEND' then 1 else 2 end limit 1),"
                        + "   'NOT_MADE_IN_TIME')"
                        + " when k.state = 'MISSED' then 'MISSED'"
                        + " else split_part(coalesce(k.outcome, 'CANCELLED'), ':', 1) end as reason"
                        + " from campaign_target t left join contact k on k.id = t.contact_id"
                        + " where t.campaign_id = ?1 and t.responded_at is null"
                        + " and (k.id is null or k.state in ('CANCELLED', 'EXPIRED', 'MISSED'))"
                        + " and (k.id is null or not (k.state = 'CANCELLED' and coalesce(k.outcome, '') = '"
                        + COMPLETED_OUTCOME + "'))) x"
                        + " group by reason order by count(*) desc, reason")
                .setParameter(1, id)
                .getResultList();
        Map<String, Long> out = new LinkedHashMap<>();
        for (Object[] row : rows) {
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    /** Closes the campaign and publishes its result; open contacts of it are cancelled. */
    @Transactional
    public Report complete(UUID id) {
        Campaign c = get(id);
        if (!ACTIVE.equals(c.state)) {
            throw ProblemException.conflict("campaign-completed", "campaign " + id + " is already completed", Map.of());
        }
        Instant now = clock.instant();
        em.createNativeQuery(
                        "update contact set state = 'CANCELLED', outcome = '" + COMPLETED_OUTCOME + "', closed_at = ?2,"
                                + " paused_reason = null, version = version + 1 where campaign_id = ?1 and state in ('PLANNED', 'DUE')")
                .setParameter(1, id)
                .setParameter(2, now)
                .executeUpdate();
        c.state = COMPLETED;
        c.completedAt = now;
        em.flush();
        Report r = report(id);
        outbox.publish(
                EngagementEvents.CAMPAIGN_COMPLETED,
                c.id,
                new CampaignCompleted(
                        c.id.toString(),
                        c.name,
                        r.targeted(),
                        r.contacted(),
                        r.responses(),
                        r.conversions(),
                        r.responseRate().toPlainString(),
                        r.breakEvenRate() == null ? "0" : r.breakEvenRate().toPlainString(),
                        r.totalCost().toPlainString(),
                        c.currency,
                        now));
        return r;
    }
}
