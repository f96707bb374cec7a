package io.rapport.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code rapport_idempotency} table. Every method runs in the caller's (the request's) transaction: the record
 * of an answer commits or rolls back with the changes that answer reports.
 */
@ApplicationScoped
public class IdempotencyStore {
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final EntityManager em;
    private final ObjectMapper json;

    public IdempotencyStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** A stored answer and the request it answered. */
    public record Stored(
            String method, String path, String requestHash, int status, Map<String, String> headers, byte[] body) {}

    /**
     * Takes the transaction-scoped lock of one caller's key without waiting: false while another request with that key
     * runs (its transaction holds the lock until it commits or rolls back).
     */
    public boolean tryLock(String subject, String key) {
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, IdempotencyRules.lockName(subject, key))
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /** The unexpired answer stored for this caller's key. */
    public Optional<Stored> find(String subject, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select method, path, request_hash, status, headers::text, body from rapport_idempotency
                 where subject = ?1 and idem_key = ?2 and expires_at > now()""")
                .setParameter(1, subject)
                .setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        try {
            return Optional.of(new Stored(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).intValue(),
                    json.readValue((String) r[4], HEADERS),
                    (byte[]) r[5]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable idempotency record headers", e);
        }
    }

    /** Stores an answer (replacing an expired record of the same key that the cleanup has not deleted yet). */
    public void save(String subject, String key, Stored answer, Duration ttl) {
        String headers;
        try {
            headers = json.writeValueAsString(answer.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                insert into rapport_idempotency (subject, idem_key, method, path, request_hash, status, headers, body,
                                                 expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8, now() + cast(?9 as interval))
                on conflict (subject, idem_key) do update set method = excluded.method, path = excluded.path,
                    request_hash = excluded.request_hash, status = excluded.status, headers = excluded.headers,
                    body = excluded.body, created_at = now(), expires_at = excluded.expires_at""")
                .setParameter(1, subject)
                .setParameter(2, key)
                .setParameter(3, answer.method())
                .setParameter(4, answer.path())
                .setParameter(5, answer.requestHash())
                .setParameter(6, answer.status())
                .setParameter(7, headers)
                .setParameter(8, answer.body() == null ? new byte[0] : answer.body())
                .setParameter(9, ttl.toMillis() + " milliseconds")
                .executeUpdate();
    }

    /** Deletes up to {@code limit} expired records, skipping rows another replica's cleanup holds. */
    public int deleteExpired(int limit) {
        return em.createNativeQuery("""
                delete from rapport_idempotency where ctid in (
                    select ctid from rapport_idempotency where expires_at <= now() limit ?1 for update skip locked)""").setParameter(1, limit).executeUpdate();
    }
}
