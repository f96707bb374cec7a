package io.rapport.contracts.engagement;

import java.time.Instant;
import java.util.List;

/**
 * A follow-up contact was placed on the calendar, or placed again after a reschedule or a rule moved it.
 * The latest event for a contact id describes its current slot.
 *
 * @param channel PHONE, EMAIL, SMS, VISIT or MEETING
 * @param purpose SATISFACTION_CHECK, CHECK_IN, REVIEW, CONTACT_US, CAMPAIGN or COMPLAINT_FOLLOW_UP
 * @param requestedAt when the plan, campaign or person wanted the contact
 * @param dueAt the slot it got: equal to requestedAt unless a contact-pressure rule moved it
 * @param expiresAt after this instant an unsent contact is recorded as expired
 * @param planId the contact plan that created it; null for campaigns and contacts made by hand
 * @param campaignId the campaign that created it, or null
 * @param assigneeId the rep or team queue that performs it
 * @param reasons why the slot differs from the request (empty when it does not)
 */
public record ContactScheduled(
        String contactId,
        String customerId,
        String channel,
        String purpose,
        Instant requestedAt,
        Instant dueAt,
        Instant expiresAt,
        String planId,
        String campaignId,
        String assigneeId,
        List<String> reasons) {}
