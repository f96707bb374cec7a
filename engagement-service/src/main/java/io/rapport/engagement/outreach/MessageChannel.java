package io.rapport.engagement.outreach;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.outreach.SendFailure;

/** A way to deliver automated contacts (EMAIL over SMTP, SMS over an HTTP provider; push would be another). */
public interface MessageChannel {
    Channel channel();

    /** Hands the message over. @return the id the relay or provider knows it by */
    String send(OutgoingMessage message) throws SendException;

    /** The hand-over failed; {@link #failure()} says whether it may be repeated. */
    final class SendException extends Exception {
        private final transient SendFailure failure;

        public SendException(SendFailure failure) {
            super(failure.error(), null, false, false);
            this.failure = failure;
        }

        public SendFailure failure() {
            return failure;
        }
    }
}
