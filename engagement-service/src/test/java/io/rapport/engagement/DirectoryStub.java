package io.rapport.engagement;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rapport.devstack.auth.TestServiceTokens;
import io.rapport.platform.identity.PemKeys;
import io.rapport.platform.identity.ServiceToken;
import io.rapport.platform.identity.ServiceTokenVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Local HTTP receivers on a free port standing in for the other side of engagement's outbound calls: customer-service's
 * {@code GET /api/v1/customers/{id}}, segmentation's recommendations, and a generic SMS provider ({@code POST /sms}),
 * each checking the bearer token as customer-service and segmentation do (the gateway's test key for people, and
 * engagement's OWN test key for engagement-service's identity only: a token engagement signed as the gateway, or with
 * roles, gets 401), or the SMS auth header. Tests register customers with {@link #customer}.
 */
public class DirectoryStub implements QuarkusTestResourceLifecycleManager {
    /** One request the SMS receiver got. */
    public record SmsRequest(String auth, String body) {}

    static final Map<String, String> CUSTOMERS = new ConcurrentHashMap<>();
    static final Map<String, String> RECOMMENDATIONS = new ConcurrentHashMap<>();
    static final List<SmsRequest> SMS = new CopyOnWriteArrayList<>();
    /** Who called the directory, as the receivers' verification saw it (audience -> verified token). */
    static final List<Map.Entry<String, ServiceToken>> CALLERS = new CopyOnWriteArrayList<>();

    private static final Map<String, ServiceTokenVerifier> VERIFIERS = new ConcurrentHashMap<>();
    private static HttpServer server;

    /** customer-service answers this customer with these names and contact points (null: none). */
    public static void customer(
            java.util.UUID id, String given, String family, String email, String phone, String locale) {
        CUSTOMERS.put(
                id.toString(),
                "{\"id\":\"" + id + "\",\"status\":\"ACTIVE\",\"givenName\":" + str(given) + ",\"familyName\":"
                        + str(family) + ",\"emails\":"
                        + (email == null ? "[]" : "[{\"value\":\"" + email + "\",\"primary\":true}]")
                        + ",\"phones\":" + (phone == null ? "[]" : "[{\"value\":\"" + phone + "\",\"primary\":true}]")
                        + ",\"locale\":"
                        + str(locale)
                        + ",\"preferences\":[{\"category\":\"ROOM\",\"key\":\"pillow\",\"value\":\"long\"}]}");
    }

    public static void recommend(java.util.UUID id, String item, String because) {
        RECOMMENDATIONS.put(
                id.toString(),
                "{\"customerId\":\"" + id + "\",\"level\":\"category\",\"bought\":[\"" + because
                        + "\"],\"customers\":40,\"minSupport\":5,\"recommendations\":[{\"item\":\"" + item
                        + "\",\"because\":\"" + because
                        + "\",\"customers\":12,\"support\":\"0.3000\",\"confidence\":\"0.6000\",\"lift\":\"2.0000\"}]}");
    }

    private static String str(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/customers/", ex -> {
                if (!bearer(ex, "customer-service")) {
                    return;
                }
                String id = ex.getRequestURI().getPath().substring("/api/v1/customers/".length());
                String body = CUSTOMERS.get(id);
                answer(ex, body == null ? 404 : 200, body == null ? "{}" : body);
            });
            server.createContext("/api/v1/segments/customers/", ex -> {
                if (!bearer(ex, "segmentation-service")) {
                    return;
                }
                String id = ex.getRequestURI().getPath().split("/")[5];
                answer(ex, 200, RECOMMENDATIONS.getOrDefault(id, "{\"recommendations\":[]}"));
            });
            server.createContext("/sms", ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                SMS.add(new SmsRequest(ex.getRequestHeaders().getFirst("X-Sms-Key"), body));
                answer(ex, 202, "{\"id\":\"sms-" + SMS.size() + "\"}");
            });
            server.start();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.of(
                    "rapport.engagement.outreach.directory.customer-url",
                    base,
                    "rapport.engagement.outreach.directory.segmentation-url",
                    base,
                    "rapport.engagement.outreach.directory.private-key-location",
                    TestServiceTokens.servicePrivateKeyLocation("engagement-service"),
                    "rapport.engagement.outreach.sms.url",
                    base + "/sms",
                    "rapport.engagement.outreach.sms.auth-header",
                    "X-Sms-Key",
                    "rapport.engagement.outreach.sms.auth-value",
                    "sms-secret",
                    "rapport.engagement.outreach.sms.fields.from",
                    "Rapport");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receiver's check: a token customer-service / segmentation would accept, from engagement-service itself. */
    private static boolean bearer(HttpExchange ex, String audience) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            answer(ex, 401, "{}");
            return false;
        }
        try {
            ServiceToken token = verifier(audience).verify(auth.substring(7));
            CALLERS.add(Map.entry(audience, token));
            if (!"engagement-service".equals(token.service())) {
                answer(ex, 403, "{}");
                return false;
            }
            return true;
        } catch (ServiceTokenVerifier.Rejected e) {
            answer(ex, 401, "{}");
            return false;
        }
    }

    private static ServiceTokenVerifier verifier(String audience) {
        return VERIFIERS.computeIfAbsent(
                audience,
                a -> new ServiceTokenVerifier(
                        PemKeys.publicKey(TestServiceTokens.publicKeyLocation()),
                        ServiceToken.DEFAULT_ISSUER,
                        Map.of(
                                "engagement-service",
                                PemKeys.publicKey(TestServiceTokens.servicePublicKeyLocation("engagement-service"))),
                        a,
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(10)));
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
