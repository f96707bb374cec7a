package io.rapport.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rapport.gateway.support.TestTokens;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's production sign-in: Quarkus OIDC's authorization code flow against a real (small, in-test) OpenID
 * provider, followed hop by hop like a browser does: page, provider, code, callback, console session.
 */
@QuarkusTest
@TestProfile(ConsoleOidcIT.ProductionSignIn.class)
class ConsoleOidcIT {
    /** Production-like: OIDC configured, no dev sign-in. */
    public static class ProductionSignIn implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestOidcProvider.class));
        }
    }

    /** A browser: a cookie jar for the gateway's host, redirects followed by the test one at a time. */
    static final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();
        final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            URI uri = request.build().uri();
            if (uri.getPort() == RestAssured.port && !cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        String.join(
                                "; ",
                                cookies.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .toList()));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (uri.getPort() == RestAssured.port) {
                for (String set : response.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    String name = pair.substring(0, eq).trim();
                    String value = pair.substring(eq + 1).trim();
                    boolean gone = value.isEmpty() || set.toLowerCase().contains("max-age=0");
                    if (gone) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
            }
            return response;
        }
    }

    private static String gateway(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    private static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("/") ? gateway(location) : location;
    }

    @BeforeAll
    static void stubs() {
        io.rapport.gateway.support.StubUpstream.CANNED = ConsoleBrowserIT.DATA;
    }

    @AfterAll
    static void noStubs() {
        io.rapport.gateway.support.StubUpstream.CANNED = null;
    }

    @BeforeEach
    void reset() {
        TestOidcProvider.AUTHORIZE.clear();
        TestOidcProvider.TOKEN.clear();
        TestOidcProvider.LOGOUT.clear();
    }

    /** Follows the flow from an unauthenticated console page to the page the code flow lands on. */
    private static HttpResponse<String> signIn(Browser browser, String page) throws Exception {
        HttpResponse<String> first = browser.get(gateway(page));
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(location(first)).isEqualTo(gateway(ConsoleOidc.SIGN_IN));
        HttpResponse<String> challenge = browser.get(location(first));
        assertThat(challenge.statusCode()).isEqualTo(302);
        assertThat(location(challenge)).startsWith(TestOidcProvider.base + "/authorize?");
        HttpResponse<String> provider = browser.get(location(challenge));
        assertThat(provider.statusCode())
                .as("the provider sends the browser back")
                .isEqualTo(302);
        assertThat(location(provider)).startsWith(gateway(ConsoleOidc.SIGN_IN) + "?code=");
        HttpResponse<String> hop = browser.get(location(provider));
        for (int i = 0; i < 3 && hop.statusCode() == 302; i++) {
            assertThat(location(hop)).startsWith(gateway("/console/"));
            hop = browser.get(location(hop));
        }
        return hop;
    }

    @Test
    void anUnauthenticatedPageLeadsToTheProviderAndTheCodeFlowSignsInAManagerWithTheApisRoles() throws Exception {
        TestOidcProvider.nextUser =
                new TestOidcProvider.User("olga", List.of("admin", "offline_access"), "rapport-api");
        Browser browser = new Browser();

        HttpResponse<String> landed = signIn(browser, "/console/health");

        Map<String, String> authorize = TestOidcProvider.AUTHORIZE.get(0);
        assertThat(authorize)
                .containsEntry("client_id", TestOidcProvider.CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("redirect_uri", gateway(ConsoleOidc.SIGN_IN));
        assertThat(authorize.get("scope")).contains("openid");
        assertThat(TestOidcProvider.TOKEN).hasSize(1);
        assertThat(TestOidcProvider.TOKEN.get(0)).containsEntry("grant_type", "authorization_code");
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(landed.body())
                .contains("http-equiv=\"refresh\" content=\"0;url=/console/overview\"")
                .contains("olga");
        assertThat(browser.cookies).containsKey(ConsoleSession.COOKIE);

        HttpResponse<String> health = browser.get(gateway("/console/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("id=\"signed-in-as\"")
                .contains("olga")
                .contains("admin");
        assertThat(health.body()).doesNotContain("offline_access");
    }

    @Test
    void aSalesRepSignedInThroughTheProviderGetsItsAgendaAndNotTheHealthPage() throws Exception {
        TestOidcProvider.nextUser = new TestOidcProvider.User("sam", List.of("sales"), "rapport-api");
        Browser browser = new Browser();

        HttpResponse<String> landed = signIn(browser, "/console/agenda");

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.body()).contains("url=/console/overview").contains("sam");
        assertThat(browser.get(gateway("/console/agenda")).statusCode()).isEqualTo(200);
        assertThat(browser.get(gateway("/console/health")).statusCode()).isEqualTo(403);
    }

    @Test
    void anAccessTokenTheApiWouldRefuseOpensNoConsoleSession() throws Exception {
        TestOidcProvider.nextUser = new TestOidcProvider.User("eve", List.of("admin"), "another-api");
        Browser browser = new Browser();

        HttpResponse<String> landed = signIn(browser, "/console/overview");

        assertThat(landed.statusCode()).isEqualTo(403);
        assertThat(landed.body()).contains("not one the Rapport API accepts");
        assertThat(browser.cookies).doesNotContainKey(ConsoleSession.COOKIE);
        assertThat(browser.get(gateway("/console/overview")).statusCode()).isEqualTo(303);
    }

    @Test
    void signOutEndsTheConsoleSessionAndTheProvidersSession() throws Exception {
        TestOidcProvider.nextUser = new TestOidcProvider.User("olga", List.of("admin"), "rapport-api");
        Browser browser = new Browser();
        signIn(browser, "/console/overview");
        String token = browser.cookies.get(ConsoleSession.COOKIE);

        HttpResponse<String> out = browser.post(gateway("/console/sign-out"), "csrf=" + ConsoleSession.csrf(token));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(location(out)).isEqualTo(gateway(ConsoleOidc.SIGN_OUT));
        HttpResponse<String> logout = browser.get(location(out));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout)).startsWith(TestOidcProvider.base + "/logout");
        HttpResponse<String> back = browser.get(location(logout));
        assertThat(TestOidcProvider.LOGOUT).hasSize(1);
        assertThat(location(back)).isEqualTo(gateway("/console/sign-in"));

        assertThat(browser.cookies).doesNotContainKey(ConsoleSession.COOKIE);
        assertThat(browser.cookies.keySet()).noneMatch(n -> n.startsWith("q_session"));
        HttpResponse<String> again = browser.get(gateway("/console/overview"));
        assertThat(location(again)).isEqualTo(gateway(ConsoleOidc.SIGN_IN));
        assertThat(browser.get(gateway("/console/sign-in")).body()).contains("id=\"sign-in-oidc\"");
    }

    @Test
    void theDevSignInIsOffAndAnApiBearerTokenStillWorksBesideTheCodeFlow() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> dev = browser.post(gateway("/console/sign-in"), "user=mallory&role=admin");
        assertThat(dev.statusCode()).isEqualTo(404);
        assertThat(browser.cookies).doesNotContainKey(ConsoleSession.COOKIE);
        HttpResponse<String> api = browser.http.send(
                HttpRequest.newBuilder(URI.create(gateway("/api/v1/customers")))
                        .header("Authorization", "Bearer " + TestTokens.token("alice", "admin"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(api.statusCode()).isEqualTo(200);
        HttpResponse<String> anonymous = browser.http.send(
                HttpRequest.newBuilder(URI.create(gateway("/api/v1/customers"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
