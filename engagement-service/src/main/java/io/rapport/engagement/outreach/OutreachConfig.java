package io.rapport.engagement.outreach;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Message delivery settings ({@code rapport.engagement.outreach.*}; SMTP itself is {@code quarkus.mailer.*}). */
@ConfigMapping(prefix = "rapport.engagement.outreach")
public interface OutreachConfig {
    /** Whether due EMAIL and SMS contacts are delivered (false: they wait QUEUED). */
    @WithDefault("true")
    boolean enabled();

    /** The public address the unsubscribe links point at (this service's /unsubscribe route, through the ingress). */
    @WithDefault("http://localhost:8093")
    String publicBaseUrl();

    /** The HMAC key of unsubscribe links (at least 16 characters; a Secret in production). */
    String unsubscribeKey();

    /** Optional mailto address for List-Unsubscribe beside the https link. */
    Optional<String> unsubscribeMailto();

    /** Sender of the e-mails. */
    @WithDefault("Rapport <noreply@rapport.local>")
    String from();

    /** The domain of the Message-IDs this service gives its mails. */
    @WithDefault("rapport.local")
    String messageIdDomain();

    /** Deliveries claimed per transaction. */
    @WithDefault("50")
    int batchSize();

    /** A claim older than this with no outcome is reconciled as UNKNOWN_OUTCOME (never sent again). */
    @WithDefault("PT5M")
    Duration claimTimeout();

    Retry retry();

    Directory directory();

    Sms sms();

    interface Retry {
        @WithDefault("PT1M")
        Duration first();

        @WithDefault("PT1H")
        Duration max();

        /** Attempts in all before RETRIES_EXHAUSTED (with the defaults about a day). */
        @WithDefault("30")
        int maxAttempts();
    }

    /** Where names, addresses and recommendations are read at send time (see README "Messages and e-mail"). */
    interface Directory {
        @WithDefault("http://localhost:8091")
        String customerUrl();

        @WithDefault("http://localhost:8092")
        String segmentationUrl();

        /**
         * engagement's OWN private key (PEM; never the gateway's) that it signs its send-time reads with (issuer and
         * subject engagement-service); customer-service and segmentation trust its public key for those reads only.
         * Without it, deliveries wait (the directory is unavailable).
         */
        Optional<String> privateKeyLocation();

        @WithDefault("PT3S")
        Duration timeout();

        /** How many co-purchase recommendations a message shows. */
        @WithDefault("3")
        int recommendations();
    }

    /** The generic HTTP SMS provider: POST {@code url} with {@code authHeader: authValue} and a JSON body. */
    interface Sms {
        Optional<String> url();

        @WithDefault("Authorization")
        String authHeader();

        Optional<String> authValue();

        /** Extra constant JSON properties of every request, e.g. from=Rapport. */
        Map<String, String> fields();

        @WithDefault("PT5S")
        Duration timeout();
    }
}
