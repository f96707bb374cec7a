package io.rapport.bench.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The receiver's page at {@code GET /}: the counts and every request, newest first. */
final class ReceiverPage {
    private ReceiverPage() {}

    static byte[] html(WebhookReceiver.Summary s, int port) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Rapport webhook receiver</title>")
                .append("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;font-size:.9em}")
                .append(".no{color:#b00}.yes{color:#070}code{font-size:.85em}</style></head><body>")
                .append("<h1>Webhook receiver (./crm demo)</h1><p>POST <code>http://127.0.0.1:")
                .append(port)
                .append("/hook</code>: Standard Webhooks signatures checked with the secret the subscription answered.")
                .append(" Verified: <b>")
                .append(s.verified())
                .append("</b>, refused: <b>")
                .append(s.refused())
                .append("</b>, duplicates ignored: ")
                .append(s.duplicates())
                .append(". JSON: <a href=\"/events.json\">/events.json</a>.</p>")
                .append("<table><tr><th>received</th><th>webhook-id</th><th>type</th><th>subject</th>")
                .append("<th>event time</th><th>verified</th><th>data</th></tr>");
        List<ReceivedEvent> events = s.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            ReceivedEvent e = events.get(i);
            b.append("<tr><td>")
                    .append(esc(String.valueOf(e.receivedAt())))
                    .append("</td><td><code>")
                    .append(esc(e.webhookId()))
                    .append("</code></td><td>")
                    .append(esc(e.type()))
                    .append("</td><td>")
                    .append(esc(e.subject()))
                    .append("</td><td>")
                    .append(esc(e.time()))
                    .append("</td><td class=\"")
                    .append(e.verified() ? "yes\">yes" : "no\">no: " + esc(e.outcome()))
                    .append("</td><td><code>")
                    .append(esc(e.data() == null ? "" : e.data().toString()))
                    .append("</code></td></tr>");
        }
        return b.append("</table></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
