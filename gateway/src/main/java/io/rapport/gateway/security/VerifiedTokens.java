package io.rapport.gateway.security;

import io.rapport.gateway.domain.Caller;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens already verified, so a client's repeated requests skip the signature check: an entry lives until the
 * token expires or {@code maxAgeSeconds} pass, whichever is first (a rotated key takes effect within that time).
 * Only an exact copy of a verified token hits. Bounded: past {@code maxEntries} the cache starts over.
 */
public final class VerifiedTokens {
    private record Entry(Caller caller, long validUntil) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long maxAgeSeconds;
    private final int maxEntries;

    public VerifiedTokens(long maxAgeSeconds, int maxEntries) {
        this.maxAgeSeconds = maxAgeSeconds;
        this.maxEntries = maxEntries;
    }

    /** The caller of a token verified before and still valid at {@code nowSeconds} (epoch seconds), or null. */
    public Caller get(String token, long nowSeconds) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (entry.validUntil() <= nowSeconds) {
            entries.remove(token, entry);
            return null;
        }
        return entry.caller();
    }

    /** Remembers a verified token that expires at {@code expiresAt} (epoch seconds). */
    public void put(String token, Caller caller, long expiresAt, long nowSeconds) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(token, new Entry(caller, Math.min(expiresAt, nowSeconds + maxAgeSeconds)));
    }
}
