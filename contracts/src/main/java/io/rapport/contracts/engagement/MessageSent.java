package io.rapport.contracts.engagement;

import java.time.Instant;

/**
 * engagement-service handed a contact's message to the mail relay (EMAIL) or the SMS provider (SMS), which accepted it.
 * Carries no address and no text: the recipient's contact point lives in customer-service only.
 *
 * @param template the key of the template the message was rendered from (e.g. satisfaction-check)
 * @param language the language of the template used (e.g. en)
 * @param messageId the message id the relay accepted (SMTP Message-ID, or the SMS provider's id)
 * @param attempts how many attempts it took (1 = first time)
 */
public record MessageSent(
        String contactId,
        String customerId,
        String channel,
        String purpose,
        String template,
        String language,
        String messageId,
        int attempts,
        Instant sentAt) {}
