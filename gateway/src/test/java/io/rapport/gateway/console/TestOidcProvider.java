package io.rapport.gateway.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rapport.gateway.support.TestTokens;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small OpenID Connect provider for the console's code-flow tests (JDK HTTP server, no container): discovery, JWKS,
 * an authorization endpoint that signs in {@link #nextUser} at once and sends the browser back with a code, a token
 * endpoint that checks the client secret and the code, and an end-session endpoint. Its issuer and key are the test
 * issuer's ({@link TestTokens}), as in production where the console's provider is the one the API trusts.
 */
public class TestOidcProvider implements QuarkusTestResourceLifecycleManager {
    public static final String CLIENT_ID = "rapport-console";
    public static final String CLIENT_SECRET = "console-secret-0123456789-0123456789";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** Who signs in at the provider next: subject, roles, and the audience of the access token. */
    public record User(String subject, List<String> groups, String audience) {}

    public static volatile User nextUser = new User("olga", List.of("admin"), TestTokens.AUDIENCE);
    /** Every authorization request's parameters, token request's form, and end-session request's parameters. */
    public static final List<Map<String, String>> AUTHORIZE = new CopyOnWriteArrayList<>();

    public static final List<Map<String, String>> TOKEN = new CopyOnWriteArrayList<>();
    public static final List<Map<String, String>> LOGOUT = new CopyOnWriteArrayList<>();
    public static volatile String base;

    private final Map<String, User> codes = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/rapport";
        server.createContext("/realms/rapport/.well-known/openid-configuration", this::discovery);
        server.createContext("/realms/rapport/jwks", this::jwks);
        server.createContext("/realms/rapport/authorize", this::authorize);
        server.createContext("/realms/rapport/token", this::token);
        server.createContext("/realms/rapport/logout", this::logout);
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.tenant-enabled", "true");
        config.put("quarkus.oidc.auth-server-url", base);
        config.put("quarkus.oidc.client-id", CLIENT_ID);
        config.put("quarkus.oidc.credentials.secret", CLIENT_SECRET);
        // production-like: no dev sign-in
        config.put("rapport.console.dev-sign-in-private-key-location", "");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        json(
                exchange,
                200,
                "{\"issuer\":\"" + TestTokens.ISSUER + "\",\"authorization_endpoint\":\"" + base
                        + "/authorize\",\"token_endpoint\":\"" + base + "/token\",\"jwks_uri\":\"" + base
                        + "/jwks\",\"end_session_endpoint\":\"" + base + "/logout\","
                        + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey key = publicKey();
        json(
                exchange,
                200,
                "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                        + B64.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
                        + B64.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        AUTHORIZE.add(query);
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))) {
            json(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, nextUser);
        redirect(
                exchange,
                query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                        + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        TOKEN.add(body);
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        boolean clientOk = expected.equals(basic)
                || (CLIENT_ID.equals(body.get("client_id")) && CLIENT_SECRET.equals(body.get("client_secret")));
        User user = codes.remove(body.getOrDefault("code", ""));
        if (!clientOk || user == null || !"authorization_code".equals(body.get("grant_type"))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Instant now = Instant.now();
        String idToken = Jwt.issuer(TestTokens.ISSUER)
                .audience(CLIENT_ID)
                .subject(user.subject())
                .claim("preferred_username", user.subject())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600))
                .jws()
                .keyId("k1")
                .sign(privateKey());
        String accessToken = Jwt.issuer(TestTokens.ISSUER)
                .audience(user.audience())
                .subject(user.subject())
                .upn(user.subject())
                .groups(Set.copyOf(user.groups()))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600))
                .jws()
                .keyId("k1")
                .sign(privateKey());
        json(
                exchange,
                200,
                "{\"access_token\":\"" + accessToken + "\",\"id_token\":\"" + idToken
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
    }

    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        LOGOUT.add(query);
        String back = query.get("post_logout_redirect_uri");
        if (back == null) {
            json(exchange, 200, "{}");
        } else {
            redirect(exchange, back);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", URI.create(location).toString());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static RSAPublicKey publicKey() {
        try {
            String pem = Files.readString(TestTokens.publicKeyFile());
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        try {
            String pem = Files.readString(TestTokens.publicKeyFile().resolveSibling("private.pem"));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
