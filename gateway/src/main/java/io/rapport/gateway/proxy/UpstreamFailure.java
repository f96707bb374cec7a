package io.rapport.gateway.proxy;

import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/** Why an upstream gave no usable answer: it is unreachable or its circuit is open (503), or it was too slow (504). */
public final class UpstreamFailure extends RuntimeException {
    private static final Logger LOG = Logger.getLogger(UpstreamFailure.class);

    public enum Kind {
        UNAVAILABLE,
        TIMEOUT
    }

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
            return new UpstreamFailure(
                    Kind.TIMEOUT,
                    upstream.serviceName() + " did not answer within " + upstream.timeoutMillis() + " ms",
                    0);
        }
        // the cause names internal addresses: it is logged, and the client gets only its kind
        LOG.debugf("call to %s failed: %s", upstream.serviceName(), cause);
        String reason = cause instanceof ConnectException
                ? "connection refused"
                : cause instanceof HttpClosedException ? "connection closed" : "connection failed";
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
