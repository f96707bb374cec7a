package io.rapport.customer.service;

import io.rapport.customer.model.CustomerInput;
import java.util.List;

/**
 * A customer input that passed every check, with its values normalised: e-mails lower-case and trimmed,
 * phones E.164, locale canonical, exactly one primary per contact kind when there is any.
 */
public record CustomerDraft(
        CustomerInput input,
        String displayName,
        List<Contact> emails,
        List<Contact> phones,
        String locale,
        String timeZone,
        String country,
        String walletCurrency,
        List<ExternalKey> externalIds) {

    public record Contact(String value, String label, boolean primary) {}

    public record ExternalKey(String system, String id) {}
}
