package io.rapport.contracts.engagement;

import java.time.Instant;

/**
 * A customer withdrew consent for a channel through the unsubscribe link (or RFC 8058 one-click POST) of a message.
 * engagement-service applied it at once; customer-service records the withdrawal with source "unsubscribe-link".
 *
 * @param channel the channel whose consent was withdrawn (EMAIL or SMS)
 * @param contactId the contact whose message carried the link
 * @param method ONE_CLICK (RFC 8058 POST by the mail client) or LINK (the recipient opened the link and confirmed)
 */
public record Unsubscribed(
        String customerId, String channel, String contactId, String method, Instant unsubscribedAt) {}
