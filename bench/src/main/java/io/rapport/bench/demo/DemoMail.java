package io.rapport.bench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.devstack.ProjectDirs;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's e-mail step: a check-in e-mail for a few customers who consented to e-mail, planned a minute ahead
 * through the gateway (so the contact-pressure rules place it), then the local mailbox (devstack's SMTP server) is read
 * until the mails arrive. A contact the rules moved (quiet hours or the weekend in the customer's zone, a cap, an open
 * complaint) is reported with its slot instead: the mail arrives then.
 */
final class DemoMail {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WANTED = 3;
    private static final int CANDIDATES = 6;

    private DemoMail() {}

    static void show(DemoClient api, DemoData data, String[] ids) throws InterruptedException {
        System.out.println("e-mails (local mailbox):");
        Optional<String> mailbox = mailboxUrl();
        if (mailbox.isEmpty()) {
            System.out.println("  no local mailbox (RAPPORT_MAILBOX_URL in .rapport/devstack.env): step skipped");
            return;
        }
        Instant due = Instant.now().plusSeconds(60);
        List<String[]> waiting = new ArrayList<>();
        int tried = 0;
        for (int i = 0; i < ids.length && tried < CANDIDATES && waiting.size() < WANTED; i++) {
            DemoData.Customer c = data.customer(i);
            if (ids[i] == null || !Boolean.TRUE.equals(data.consents(c).get("EMAIL"))) {
                continue;
            }
            tried++;
            DemoClient.Reply r = api.post(
                    "plan demo e-mail",
                    "/api/v1/engagement/contacts",
                    Map.of("customerId", ids[i], "channel", "EMAIL", "purpose", "CHECK_IN", "dueAt", due.toString()),
                    "demo-mail-" + i + "-" + LocalDate.now());
            if (!r.ok()) {
                continue;
            }
            String state = r.body().path("state").asText();
            Instant slot = Instant.parse(r.body().path("dueAt").asText(due.toString()));
            if (!"PLANNED".equals(state)
                    || !r.body().path("pausedReason").isMissingNode()
                            && !r.body().path("pausedReason").isNull()
                    || slot.isAfter(due.plusSeconds(60))) {
                System.out.printf("  %s: %s, planned for %s by the contact-pressure rules%n", c.email(), state, slot);
                continue;
            }
            waiting.add(new String[] {c.email(), slot.toString()});
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(3000);
            waiting.removeIf(w -> arrived(mailbox.get(), w[0]));
        }
        for (String[] w : waiting) {
            System.out.printf("  %s: planned for %s, not in the mailbox yet%n", w[0], w[1]);
        }
        System.out.println("  read every mail at " + mailbox.get());
    }

    private static boolean arrived(String mailbox, String email) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            mailbox + ".json?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode mails = JSON.readTree(r.body());
            if (r.statusCode() != 200 || mails.isEmpty()) {
                return false;
            }
            JsonNode m = mails.get(0);
            String text = m.path("text").asText("");
            System.out.printf(
                    "  %s received \"%s\" (%s)%n    %s%n    List-Unsubscribe: %s%n",
                    email,
                    m.path("subject").asText(),
                    m.path("messageId").asText(),
                    text.lines().findFirst().orElse(""),
                    m.path("listUnsubscribe").asText());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<String> mailboxUrl() {
        Path env = ProjectDirs.rapportDir().resolve("devstack.env");
        try {
            return Files.readAllLines(env).stream()
                    .filter(l -> l.startsWith("RAPPORT_MAILBOX_URL="))
                    .map(l -> l.substring("RAPPORT_MAILBOX_URL=".length()))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
