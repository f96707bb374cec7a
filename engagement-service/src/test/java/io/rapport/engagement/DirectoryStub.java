package io.rapport.engagement;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Local HTTP receivers on a free port standing in for the other side of engagement's outbound calls: customer-service's
 * {@code GET /api/v1/customers/{id}}, segmentation's recommendations, and a generic SMS provider ({@code POST /sms}),
 * each checking that a bearer token (or the SMS auth header) came. Tests register customers with {@link #customer}.
 */
public class DirectoryStub implements QuarkusTestResourceLifecycleManager {
    /** One request the SMS receiver got. */
    public record SmsRequest(String auth, String body) {
    }

    static final Map<String, String> CUSTOMERS = new ConcurrentHashMap<>();
    static final Map<String, String> RECOMMENDATIONS = new ConcurrentHashMap<>();
    static final List<SmsRequest> SMS = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    /** customer-service answers this customer with these names and contact points (null: none). */
    public static void customer(java.util.UUID id, String given, String family, String email, String phone, String locale) {
        CUSTOMERS.put(id.toString(), "{\"id\":\"" + id + "\",\"status\":\"ACTIVE\",\"givenName\":" + str(given) + ",\"familyName\":"
                + str(family) + ",\"emails\":" + (email == null ? "[]" : "[{\"value\":\"" + email + "\",\"primary\":true}]")
                + ",\"phones\":" + (phone == null ? "[]" : "[{\"value\":\"" + phone + "\",\"primary\":true}]") + ",\"locale\":"
                + str(locale) + ",\"preferences\":[{\"category\":\"ROOM\",\"key\":\"pillow\",\"value\":\"long\"}]}");
    }

    public static void recommend(java.util.UUID id, String item, String because) {
        RECOMMENDATIONS.put(id.toString(), "{\"customerId\":\"" + id + "\",\"level\":\"category\",\"bought\":[\"" + because
                + "\"],\"customers\":40,\"minSupport\":5,\"recommendations\":[{\"item\":\"" + item + "\",\"because\":\"" + because
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
                if (!bearer(ex)) {
                    return;
                }
                String id = ex.getRequestURI().getPath().substring("/api/v1/customers/".length());
                String body = CUSTOMERS.get(id);
                answer(ex, body == null ? 404 : 200, body == null ? "{}" : body);
            });
            server.createContext("/api/v1/segments/customers/", ex -> {
                if (!bearer(ex)) {
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
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            Path pem = Files.createTempFile("engagement-directory", ".pem");
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            pem.toFile().deleteOnExit();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.of("rapport.engagement.outreach.directory.customer-url", base,
                    "rapport.engagement.outreach.directory.segmentation-url", base,
                    "rapport.engagement.outreach.directory.private-key-location", pem.toString(),
                    "rapport.engagement.outreach.sms.url", base + "/sms",
                    "rapport.engagement.outreach.sms.auth-header", "X-Sms-Key",
                    "rapport.engagement.outreach.sms.auth-value", "sms-secret",
                    "rapport.engagement.outreach.sms.fields.from", "Rapport");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean bearer(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ey")) {
            answer(ex, 401, "{}");
            return false;
        }
        return true;
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
