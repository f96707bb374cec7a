package io.rapport.devstack.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The local mailbox as a developer reads it: {@code GET /mail} (an HTML page, newest first) and {@code GET /mail.json}
 * (a JSON array), both with an optional {@code ?to=address}. Served on the devstack control endpoint (loopback only).
 */
public final class MailboxPage {
    private MailboxPage() {}

    public static void register(HttpServer server, LocalMailServer mail) {
        server.createContext("/mail", exchange -> {
            if (!"GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "text/plain", "use GET\n");
                return;
            }
            List<CapturedMail> mails = select(mail, exchange);
            if (exchange.getRequestURI().getPath().endsWith(".json")) {
                answer(exchange, 200, "application/json", json(mails));
            } else {
                answer(exchange, 200, "text/html", html(mails));
            }
        });
    }

    private static List<CapturedMail> select(LocalMailServer mail, HttpExchange exchange) {
        String q = exchange.getRequestURI().getQuery();
        String to = q != null && q.startsWith("to=")
                ? java.net.URLDecoder.decode(q.substring(3), StandardCharsets.UTF_8)
                : null;
        List<CapturedMail> all = new java.util.ArrayList<>(to == null ? mail.messages() : mail.messagesTo(to));
        java.util.Collections.reverse(all);
        return all;
    }

    static String json(List<CapturedMail> mails) {
        StringBuilder b = new StringBuilder("[");
        for (CapturedMail m : mails) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append("{\"messageId\":")
                    .append(str(m.messageId()))
                    .append(",\"from\":")
                    .append(str(m.from()))
                    .append(",\"to\":[")
                    .append(String.join(
                            ",", m.to().stream().map(MailboxPage::str).toList()))
                    .append("],\"subject\":")
                    .append(str(m.subject()))
                    .append(",\"sentAt\":")
                    .append(str(m.sentAt() == null ? null : m.sentAt().toString()))
                    .append(",\"listUnsubscribe\":")
                    .append(str(m.listUnsubscribe()))
                    .append(",\"listUnsubscribePost\":")
                    .append(str(m.listUnsubscribePost()))
                    .append(",\"text\":")
                    .append(str(m.text()))
                    .append('}');
        }
        return b.append("]\n").toString();
    }

    static String html(List<CapturedMail> mails) {
        StringBuilder b = new StringBuilder("<!doctype html><meta charset=utf-8><title>Rapport local mailbox</title>"
                + "<h1>Local mailbox (" + mails.size() + ")</h1><p>JSON: <a href=\"/mail.json\">/mail.json</a></p>");
        for (CapturedMail m : mails) {
            b.append("<hr><p><b>")
                    .append(esc(m.subject()))
                    .append("</b><br>to ")
                    .append(esc(String.join(", ", m.to())))
                    .append(" &middot; from ")
                    .append(esc(m.from()))
                    .append(" &middot; ")
                    .append(m.sentAt())
                    .append("<br><small>")
                    .append(esc(m.messageId()))
                    .append(" &middot; List-Unsubscribe: ")
                    .append(esc(m.listUnsubscribe()))
                    .append("</small></p><pre>")
                    .append(esc(m.text()))
                    .append("</pre>");
        }
        return b.toString();
    }

    private static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
