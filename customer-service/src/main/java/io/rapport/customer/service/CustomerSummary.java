package io.rapport.customer.service;

import io.rapport.customer.domain.CustomerKind;
import io.rapport.customer.domain.CustomerStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer in a listing: enough to recognise and open it. */
public record CustomerSummary(
        UUID id,
        CustomerKind kind,
        CustomerStatus status,
        String displayName,
        String primaryEmail,
        String primaryPhone,
        String ownerId,
        List<String> tags,
        Instant createdAt,
        Instant lastActivityAt,
        Instant lastVerifiedAt) {}
