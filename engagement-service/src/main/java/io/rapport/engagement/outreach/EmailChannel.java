package io.rapport.engagement.outreach;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.outreach.SendFailure;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * E-mail through SMTP with Quarkus Mailer (relay: {@code quarkus.mailer.*}). Every mail carries its own Message-ID
 * (fixed per contact), {@code List-Unsubscribe} (the https link, and a mailto when configured) and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058).
 */
@ApplicationScoped
public class EmailChannel implements MessageChannel {
    private final Mailer mailer;
    private final OutreachConfig config;

    public EmailChannel(Mailer mailer, OutreachConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String send(OutgoingMessage m) throws SendException {
        String unsubscribe = "<" + m.unsubscribeUrl() + ">"
                + (m.unsubscribeMailto() == null ? "" : ", <mailto:" + m.unsubscribeMailto() + "?subject=unsubscribe>");
        Mail mail = Mail.withText(m.to(), m.subject(), m.body())
                .setFrom(config.from())
                .addHeader("Message-ID", m.messageId())
                .addHeader("List-Unsubscribe", unsubscribe)
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        try {
            mailer.send(mail);
            return m.messageId();
        } catch (RuntimeException e) {
            throw new SendException(classify(e));
        }
    }

    /** SMTP reply codes decide (SendFailure.smtp); no connection at all is transient; anything else unknown. */
    static SendFailure classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return SendFailure.smtp(smtp.getReplyCode(), "SMTP " + smtp.getReplyCode());
            }
            if (t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                return SendFailure.notConnected(
                        "no connection to the mail relay: " + t.getClass().getSimpleName());
            }
        }
        return SendFailure.unknown(
                "the mail relay gave no clear answer: " + e.getClass().getSimpleName());
    }
}
