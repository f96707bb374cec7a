package io.rapport.engagement.outreach;

import java.util.List;

/**
 * A customer as a message addresses them, read from customer-service at send time and never stored here.
 *
 * @param email the primary (else first) e-mail address, null when none
 * @param phone the primary (else first) phone number, null when none
 */
public record Recipient(
        String givenName,
        String familyName,
        String companyName,
        String email,
        String phone,
        String locale,
        List<Preference> preferences) {

    public record Preference(String category, String key, String value) {}
}
