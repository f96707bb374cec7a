package io.rapport.platform.deadletter;

import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Which dead letters a listing or a redrive means; a null criterion matches every dead letter. */
public record DeadLetterFilter(String status, String consumer, String type, Instant since) {

    public static DeadLetterFilter pending() {
        return new DeadLetterFilter(DeadLetter.PENDING, null, null, null);
    }

    String where() {
        List<String> terms = new ArrayList<>();
        int n = 0;
        if (status != null) {
            terms.add("status = ?" + (++n));
        }
        if (consumer != null) {
            terms.add("consumer = ?" + (++n));
        }
        if (type != null) {
            terms.add("event_type = ?" + (++n));
        }
        if (since != null) {
            terms.add("first_failed_at >= ?" + (++n));
        }
        return terms.isEmpty() ? "true" : String.join(" and ", terms);
    }

    void bind(Query q) {
        int n = 0;
        if (status != null) {
            q.setParameter(++n, status);
        }
        if (consumer != null) {
            q.setParameter(++n, consumer);
        }
        if (type != null) {
            q.setParameter(++n, type);
        }
        if (since != null) {
            q.setParameter(++n, since);
        }
    }
}
