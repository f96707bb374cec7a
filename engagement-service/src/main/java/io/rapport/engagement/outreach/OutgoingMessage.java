package io.rapport.engagement.outreach;

import java.util.UUID;

/**
 * One message ready to hand over.
 *
 * @param to the e-mail address or phone number
 * @param messageId the id this message is sent with (SMTP Message-ID), fixed per contact
 * @param unsubscribeUrl the https one-click link (RFC 8058)
 * @param unsubscribeMailto an optional mailto: address for List-Unsubscribe, null when none
 */
public record OutgoingMessage(
        UUID contactId,
        String to,
        String subject,
        String body,
        String messageId,
        String unsubscribeUrl,
        String unsubscribeMailto) {}
