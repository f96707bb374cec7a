package io.rapport.customer.service;

import io.rapport.customer.domain.CustomerKind;
import io.rapport.customer.domain.CustomerStatus;
import java.time.Instant;

/**
 * Search criteria; null means "any". {@code name} matches part of the display name, {@code email} and
 * {@code phone} part of a normalised contact point; {@code q} matches part of the name OR of an e-mail OR (when it
 * looks like a phone number) of a phone. Without {@code status}, MERGED and ERASED records are left out.
 */
public record CustomerQuery(
        String name,
        String email,
        String phone,
        CustomerKind kind,
        String tag,
        String owner,
        CustomerStatus status,
        Instant createdFrom,
        Instant createdTo,
        Instant activeFrom,
        Instant activeTo,
        String q) {}
