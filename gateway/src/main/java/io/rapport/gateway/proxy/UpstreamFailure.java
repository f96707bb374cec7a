package io.rapport.gateway.proxy;

import java.util.concurrent.TimeoutException;

/** Why an upstream gave no usable answer: it is unreachable or its circuit is open (503), or it was too slow (504). */
public final class UpstreamFailure extends RuntimeException {
    public enum Kind { UNAVAILABLE, TIMEOUT }

    private final Kind kind;
    private final long retryAfterSeconds;

    public UpstreamFailure(Kind kind, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Classifies a transport failure of a call to {@code upstream}. */
    public static UpstreamFailure of(Upstream upstream, Throwable cause) {
        if (cause instanceof UpstreamFailure f) {
            return f;
        }
        if (cause instanceof TimeoutException) {
            return new UpstreamFailure(Kind.TIMEOUT, upstream.serviceName() + " did not answer within "
                    + upstream.timeoutMillis() + " ms", 0);
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new UpstreamFailure(Kind.UNAVAILABLE, upstream.serviceName() + " is unavailable (" + reason + ")", 0);
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind == Kind.TIMEOUT ? 504 : 503;
    }

    /** Seconds a client should wait before retrying (0: no advice). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
