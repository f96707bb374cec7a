package io.rapport.engagement.domain.outreach;

/**
 * Why one attempt to hand a message over failed, and what follows. The rule behind at-most-once: an attempt is
 * repeated only when the relay certainly did not take the message (no connection, or a transient 4xx reply before the
 * end of the data); a 5xx reply on the recipient is a bounce; another 5xx a rejection; anything else (a timeout or a
 * lost connection after the data went out) has an unknown outcome and is never repeated, so no message goes twice.
 *
 * @param statusCode the SMTP reply code or HTTP status, null when none came
 */
public record SendFailure(Kind kind, Integer statusCode, String error) {
    public enum Kind {
        /** Not handed over (connection refused, 4xx, provider 429/5xx before acceptance): try again later. */
        TRANSIENT,
        /** The relay refused the recipient for good (SMTP 550/551/553 or 5.1.x). */
        BOUNCED,
        /** Refused for good for another reason (other 5xx; provider 4xx). */
        REJECTED,
        /** Unknown whether the relay took it: never repeated. */
        UNKNOWN
    }

    public SendFailure {
        error = error == null ? null : error.length() > 480 ? error.substring(0, 480) : error;
    }

    /** A failure from an SMTP reply code. */
    public static SendFailure smtp(int code, String error) {
        if (code >= 400 && code < 500) {
            return new SendFailure(Kind.TRANSIENT, code, error);
        }
        if (code == 550 || code == 551 || code == 553) {
            return new SendFailure(Kind.BOUNCED, code, error);
        }
        if (code >= 500) {
            return new SendFailure(Kind.REJECTED, code, error);
        }
        return new SendFailure(Kind.UNKNOWN, code, error);
    }

    /** A failure from an HTTP provider's status: 408, 429 and 5xx were not accepted (try again), other 4xx are final. */
    public static SendFailure http(int status, String error) {
        if (status == 408 || status == 429 || status >= 500) {
            return new SendFailure(Kind.TRANSIENT, status, error);
        }
        return new SendFailure(Kind.REJECTED, status, error);
    }

    public static SendFailure notConnected(String error) {
        return new SendFailure(Kind.TRANSIENT, null, error);
    }

    public static SendFailure unknown(String error) {
        return new SendFailure(Kind.UNKNOWN, null, error);
    }

    public boolean retryable() {
        return kind == Kind.TRANSIENT;
    }
}
