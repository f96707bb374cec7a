package io.rapport.customer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import java.util.Optional;

/** Rules of customer-service that an adopter may tune. */
@ConfigMapping(prefix = "rapport.customer")
public interface CustomerConfig {

    /** Country calling code (digits, e.g. 44) used for phone numbers written nationally with a leading 0; empty: refuse them. */
    Optional<String> defaultCallingCode();

    /** Without any activity (purchase, update, verification) for this long a customer becomes DORMANT. */
    @WithDefault("P18M")
    Period dormantAfter();

    /** A record not verified for this long is listed as stale. */
    @WithDefault("P12M")
    Period staleAfter();

    /** How often each replica runs the dormancy job (Quarkus scheduler syntax, e.g. 1h). */
    @WithDefault("1h")
    String dormancyInterval();

    /** Customers the dormancy job handles per transaction. */
    @WithDefault("500")
    int dormancyBatchSize();

    /** Largest number of rows one bulk-import request may carry. */
    @WithDefault("100000")
    int importMaxRows();

    /** Failed rows a bulk-import answer lists in full; later failures are only counted. */
    @WithDefault("100")
    int importMaxErrors();

    /** Longest line a bulk import reads, in bytes; a longer line fails unread (it is never buffered). */
    @WithDefault("1048576")
    int importMaxLineBytes();

    /** Rows written per transaction by the bulk import. */
    @WithDefault("1000")
    int importChunkSize();

    /**
     * Attempts at writing one import chunk that lost a race with a concurrent request (same e-mail, phone,
     * external id or order id stored first); after the last one the chunk's rows fail and nothing of them is stored.
     */
    @WithDefault("5")
    int importConflictAttempts();

    /**
     * Secret key of the contact digests in customer events (HMAC-SHA256 of each normalised e-mail and phone): lets
     * loyalty tell that two customers share a contact point without learning it. At least 32 characters; keep it
     * secret and stable (changing it makes old and new digests differ). Unset: events carry no digests and the
     * shared-contact self-referral rule does not apply.
     */
    Optional<String> contactDigestKey();
}
