package io.rapport.customer.domain;

/**
 * Lifecycle of a record. ACTIVE and DORMANT records are live (DORMANT: no activity for the configured
 * period; any new activity makes them ACTIVE again); ARCHIVED records are retired but kept; MERGED records
 * point to their survivor; ERASED records hold no personal data. MERGED and ERASED are final.
 */
public enum CustomerStatus {
    ACTIVE,
    DORMANT,
    ARCHIVED,
    MERGED,
    ERASED;

    public boolean isFinal() {
        return this == MERGED || this == ERASED;
    }
}
