package io.rapport.devstack.mail;

import java.time.Instant;
import java.util.List;

/**
 * One mail the local SMTP server received, as a developer or a test reads it.
 *
 * @param listUnsubscribe the {@code List-Unsubscribe} header, null when absent
 * @param listUnsubscribePost the {@code List-Unsubscribe-Post} header (RFC 8058), null when absent
 * @param text the text/plain body, null when the mail has none
 * @param html the text/html body, null when the mail has none
 */
public record CapturedMail(
        String messageId,
        String from,
        List<String> to,
        String subject,
        Instant sentAt,
        String listUnsubscribe,
        String listUnsubscribePost,
        String text,
        String html) {}
