package io.rapport.devstack.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail, in this JVM, no Docker) that keeps every mail it receives, for {@code ./crm up} and
 * the tests: services send to it through their ordinary SMTP client. It listens on 127.0.0.1 only, takes any sender
 * and recipient without authentication, and can be stopped and started again on the same port to test an outage
 * (the mails received before a stop are kept in {@link #messages()}).
 */
public final class LocalMailServer implements AutoCloseable {
    private final int port;
    private final List<CapturedMail> kept = new ArrayList<>();
    private GreenMail greenMail;

    private LocalMailServer(int port) {
        this.port = port;
    }

    /** Starts an SMTP server on 127.0.0.1:{@code port}. */
    public static LocalMailServer start(int port) {
        LocalMailServer server = new LocalMailServer(port);
        server.startSmtp();
        return server;
    }

    public int port() {
        return port;
    }

    public synchronized boolean running() {
        return greenMail != null;
    }

    /** Brings the SMTP server (back) up on its port. */
    public synchronized void startSmtp() {
        if (greenMail != null) {
            return;
        }
        GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        g.start();
        greenMail = g;
    }

    /** Stops the SMTP server: clients get "connection refused" until {@link #startSmtp()}. Received mails are kept. */
    public synchronized void stopSmtp() {
        if (greenMail == null) {
            return;
        }
        kept.addAll(read(greenMail));
        greenMail.stop();
        greenMail = null;
    }

    /** Every mail received since this server started, oldest first. */
    public synchronized List<CapturedMail> messages() {
        List<CapturedMail> all = new ArrayList<>(kept);
        if (greenMail != null) {
            all.addAll(read(greenMail));
        }
        return all;
    }

    /** The mails received for {@code address} (case-insensitive), oldest first. */
    public List<CapturedMail> messagesTo(String address) {
        return messages().stream()
                .filter(m -> m.to().stream().anyMatch(a -> a.equalsIgnoreCase(address)))
                .toList();
    }

    @Override
    public synchronized void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    private static List<CapturedMail> read(GreenMail g) {
        List<CapturedMail> out = new ArrayList<>();
        for (MimeMessage m : g.getReceivedMessages()) {
            out.add(capture(m));
        }
        return out;
    }

    static CapturedMail capture(MimeMessage m) {
        try {
            List<String> to = m.getRecipients(Message.RecipientType.TO) == null
                    ? List.of()
                    : Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                            .map(a -> a.toString().replaceAll(".*<|>.*", ""))
                            .toList();
            String from = m.getFrom() == null || m.getFrom().length == 0 ? null : m.getFrom()[0].toString();
            Instant sent = m.getSentDate() == null ? null : m.getSentDate().toInstant();
            return new CapturedMail(
                    m.getMessageID(),
                    from,
                    to,
                    m.getSubject(),
                    sent,
                    m.getHeader("List-Unsubscribe", ","),
                    m.getHeader("List-Unsubscribe-Post", ","),
                    part(m, "text/plain"),
                    part(m, "text/html"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received mail: " + e.getMessage(), e);
        }
    }

    private static String part(jakarta.mail.Part p, String type) throws MessagingException, IOException {
        if (p.isMimeType(type)) {
            return String.valueOf(p.getContent());
        }
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                String found = part(b, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
