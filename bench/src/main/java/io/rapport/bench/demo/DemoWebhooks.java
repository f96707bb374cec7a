package io.rapport.bench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's webhook step (README, "Webhooks"): the demo partner subscribes the local receiver that {@code ./crm demo}
 * started ({@code io.rapport.bench.webhooks.ReceiverMain}) and the demo checks, on the receiver, that signed events
 * arrive and verify. With the partner's own API key (issued once through the admin API and kept in
 * {@code <dir>/partner-key}) it creates the subscription for {@code rapport.loyalty.*}, or finds it on a second run
 * and rotates its secret (the secret is shown only once); the secret goes to {@code <dir>/secrets}, where the receiver
 * reads it. A member links the partner (the consent a partner's events need), the partner pings, and a points
 * adjustment on that member makes a fresh {@code points-earned} event. Success is only what the receiver saw.
 */
final class DemoWebhooks {
    static final String EVENT_TYPES = "rapport.loyalty.*";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DemoClient admin;
    private final String receiver;
    private final Path dir;
    private final Duration wait;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    DemoWebhooks(DemoClient admin, String receiver, Path dir, Duration wait) {
        this.admin = admin;
        this.receiver = receiver.endsWith("/") ? receiver : receiver + "/";
        this.dir = dir;
        this.wait = wait;
    }

    /** The URL the partner subscribes. */
    String hookUrl() {
        return receiver + "hook";
    }

    /**
     * Runs the step and prints what happened.
     *
     * @return whether the receiver verified at least one new event other than the ping
     */
    boolean show(String partnerId, String partnerName, String programmeId, JsonNode member)
            throws InterruptedException {
        System.out.println("Webhooks (a partner subscribes a local receiver):");
        Optional<JsonNode> before = receiverState();
        if (before.isEmpty()) {
            System.out.println("  Webhooks: no local receiver answers at " + receiver
                    + " (./crm demo starts one; see .rapport/logs/webhook-receiver.log): step skipped");
            return false;
        }
        if (partnerId == null) {
            System.out.println("  Webhooks: no demo partner (the club or partner step failed): step skipped");
            return false;
        }
        JsonNode m = member != null ? member : firstMember(programmeId);
        if (m == null) {
            System.out.println("  Webhooks: the club has no member to link the partner: step skipped");
            return false;
        }
        String memberId = m.path("id").asText();
        String memberNumber = m.path("memberNumber").asText();
        DemoClient.Reply link = admin.post(
                "webhooks: link partner",
                "/api/v1/loyalty/members/" + memberId + "/partner-links",
                Map.of("partnerId", partnerId, "source", "APP"),
                null);
        if (!link.ok()) {
            System.out.println("  Webhooks: member " + memberNumber + " could not link the partner (HTTP "
                    + link.status() + "): step skipped");
            return false;
        }
        String key = partnerKey(partnerId);
        if (key == null) {
            return false;
        }
        DemoClient partner = admin.asPartner(key);
        Subscribed sub = subscribe(partner);
        if (sub == null) {
            return false;
        }
        Set<String> known = verifiedIds(before.get());
        DemoClient.Reply ping =
                partner.post("webhooks: ping", "/api/v1/webhooks/subscriptions/" + sub.id() + "/ping", null, null);
        String pinged = ping.ok()
                ? "ping answered " + ping.body().path("statusCode").asText("no status")
                        + (ping.body().path("success").asBoolean()
                                ? ""
                                : " (" + ping.body().path("error").asText("") + ")")
                : "ping refused (HTTP " + ping.status() + ")";
        DemoClient.Reply adjust = admin.post(
                "webhooks: points for linking",
                "/api/v1/loyalty/members/" + memberId + "/adjustments",
                Map.of("points", 25, "reason", "demo: welcome bonus for linking " + partnerName),
                "demo-webhook-" + Instant.now().toEpochMilli());
        if (!adjust.ok()) {
            System.out.println(
                    "  the points adjustment that should make an event failed (HTTP " + adjust.status() + ")");
        }
        System.out.printf(
                "  partner %s %s subscription %s (%s) to %s; member %s linked it; %s; waiting up to %d s for"
                        + " signed events%n",
                partnerName,
                sub.created() ? "created" : "reused (secret rotated)",
                sub.id(),
                EVENT_TYPES,
                hookUrl(),
                memberNumber,
                pinged,
                wait.toSeconds());
        return await(known, sub, partnerName, memberNumber);
    }

    private boolean await(Set<String> known, Subscribed sub, String partnerName, String memberNumber)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<JsonNode> fresh = List.of();
        long refused = 0;
        boolean memberEvent = false;
        while (true) {
            Optional<JsonNode> state = receiverState();
            if (state.isPresent()) {
                fresh = newVerified(state.get(), known);
                refused = state.get().path("refused").asLong();
                memberEvent = fresh.stream()
                        .anyMatch(e -> e.path("type").asText().startsWith("rapport.loyalty.")
                                && memberNumber.equals(e.path("subject").asText()));
                if (memberEvent) {
                    break;
                }
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(1_000); // polling the local receiver while loyalty delivers
        }
        Map<String, Integer> types = new LinkedHashMap<>();
        fresh.forEach(e -> types.merge(e.path("type").asText("?"), 1, Integer::sum));
        if (memberEvent) {
            System.out.printf(
                    "Webhooks: partner %s subscribed %s; %d signed events received and verified in this run %s;"
                            + " see %s%n",
                    partnerName, hookUrl(), fresh.size(), types, receiver);
        } else {
            System.out.printf(
                    "Webhooks: NO loyalty event for member %s reached %s within %d s (verified in this run: %d %s)."
                            + " Look at GET /api/v1/webhooks/subscriptions/%s/deliveries (partner key in %s) and"
                            + " ./crm logs loyalty-service; received so far: %s%n",
                    memberNumber,
                    hookUrl(),
                    wait.toSeconds(),
                    fresh.size(),
                    types,
                    sub.id(),
                    dir.resolve("partner-key"),
                    receiver);
        }
        if (refused > 0) {
            System.out.println("  the receiver refused " + refused + " request(s) with a bad signature so far (see "
                    + receiver + ")");
        }
        return memberEvent;
    }

    private record Subscribed(String id, boolean created) {}

    /** Creates the subscription, or finds it and rotates its secret; stores the secret for the receiver. */
    private Subscribed subscribe(DemoClient partner) {
        DemoClient.Reply list = partner.get("webhooks: list subscriptions", "/api/v1/webhooks/subscriptions");
        if (!list.ok()) {
            System.out.println("  Webhooks: the partner cannot list its subscriptions (HTTP " + list.status() + " "
                    + list.body().path("detail").asText("") + "): step skipped");
            return null;
        }
        for (JsonNode s : list.body()) {
            if (!hookUrl().equals(s.path("url").asText())) {
                continue;
            }
            String id = s.path("id").asText();
            if (!"ACTIVE".equals(s.path("status").asText())) {
                partner.send(
                        "webhooks: resume subscription",
                        "PATCH",
                        "/api/v1/webhooks/subscriptions/" + id,
                        Map.of("status", "ACTIVE"),
                        null,
                        false);
            }
            DemoClient.Reply rotated = partner.post(
                    "webhooks: rotate secret", "/api/v1/webhooks/subscriptions/" + id + "/rotate-secret", null, null);
            if (!rotated.ok() || !storeSecret(rotated.body().path("secret").asText(""))) {
                System.out.println("  Webhooks: the subscription's secret could not be renewed (HTTP "
                        + rotated.status() + "): step skipped");
                return null;
            }
            return new Subscribed(id, false);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", hookUrl());
        body.put("eventTypes", List.of(EVENT_TYPES));
        body.put("description", "./crm demo: the local receiver");
        DemoClient.Reply created = partner.post("webhooks: subscribe", "/api/v1/webhooks/subscriptions", body, null);
        if (!created.ok() || !storeSecret(created.body().path("secret").asText(""))) {
            System.out.println("  Webhooks: the partner could not subscribe " + hookUrl() + " (HTTP " + created.status()
                    + " " + created.body().path("detail").asText("") + "): step skipped");
            return null;
        }
        return new Subscribed(created.body().path("subscription").path("id").asText(), true);
    }

    /** The partner's API key: the one kept from an earlier run while it still works, else a new one (admin API). */
    private String partnerKey(String partnerId) {
        Path file = dir.resolve("partner-key");
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!kept.isEmpty()
                        && admin.asPartner(kept)
                                .get("webhooks: check kept partner key", "/api/v1/webhooks/event-types")
                                .ok()) {
                    return kept;
                }
            }
            DemoClient.Reply issued = admin.post(
                    "webhooks: issue partner key", "/api/v1/loyalty/partners/" + partnerId + "/keys", Map.of(), null);
            String key = issued.body().path("apiKey").asText("");
            if (!issued.ok() || key.isEmpty()) {
                System.out.println("  Webhooks: no API key could be issued for the partner (HTTP " + issued.status()
                        + "): step skipped");
                return null;
            }
            writePrivate(file, List.of(key));
            return key;
        } catch (IOException e) {
            System.out.println(
                    "  Webhooks: cannot keep the partner key in " + file + " (" + e.getMessage() + "): step skipped");
            return null;
        }
    }

    /** Adds the secret to the receiver's list (the newest three are kept: a rotation signs with old and new). */
    private boolean storeSecret(String secret) {
        if (!secret.startsWith("whsec_")) {
            return false;
        }
        Path file = dir.resolve("secrets");
        try {
            List<String> lines =
                    new ArrayList<>(Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of());
            lines.removeIf(String::isBlank);
            lines.add(secret);
            writePrivate(file, lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            return true;
        } catch (IOException e) {
            System.out.println("  Webhooks: cannot write " + file + " (" + e.getMessage() + ")");
            return false;
        }
    }

    private static void writePrivate(Path file, List<String> lines) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private JsonNode firstMember(String programmeId) {
        if (programmeId == null) {
            return null;
        }
        DemoClient.Reply r =
                admin.get("webhooks: find member", "/api/v1/loyalty/programmes/" + programmeId + "/members?size=1");
        return r.ok() && r.body().path("items").size() > 0
                ? r.body().path("items").get(0)
                : null;
    }

    /** The receiver's {@code /events.json}, or empty when it does not answer. */
    Optional<JsonNode> receiverState() {
        try {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create(receiver + "events.json"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Set<String> verifiedIds(JsonNode state) {
        Set<String> ids = new HashSet<>();
        state.path("events").forEach(e -> {
            if (e.path("verified").asBoolean()) {
                ids.add(e.path("webhookId").asText());
            }
        });
        return ids;
    }

    static List<JsonNode> newVerified(JsonNode state, Set<String> known) {
        List<JsonNode> fresh = new ArrayList<>();
        state.path("events").forEach(e -> {
            if (e.path("verified").asBoolean()
                    && !known.contains(e.path("webhookId").asText())) {
                fresh.add(e);
            }
        });
        return fresh;
    }
}
