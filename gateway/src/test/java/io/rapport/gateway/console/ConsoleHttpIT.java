package io.rapport.gateway.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.gateway.support.StubUpstream;
import io.rapport.gateway.support.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's HTTP contract without a browser: the cookie's attributes, the form token, CSV export. */
@QuarkusTest
class ConsoleHttpIT {
    @BeforeAll
    static void stubs() {
        StubUpstream.CANNED = ConsoleBrowserIT.DATA;
    }

    @AfterAll
    static void noStubs() {
        StubUpstream.CANNED = null;
    }

    /**
     * A browser posts a console form with its Origin: with the API's "Referrer-Policy: no-referrer" that Origin is
     * "null" and CORS refuses the post, so the console's pages say same-origin, and a same-origin post passes.
     */
    @Test
    void consolePagesLetTheBrowserSendItsOriginAndASameOriginPostSignsIn() {
        Response page = given().get("/console/sign-in");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().getValues("Referrer-Policy")).containsExactly("same-origin");
        given().get("/api/v1/customers").then().header("Referrer-Policy", "no-referrer");
        String origin = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        given().redirects()
                .follow(false)
                .header("Origin", origin)
                .formParam("user", "maria")
                .formParam("role", "admin")
                .post("/console/sign-in")
                .then()
                .statusCode(303);
        given().redirects()
                .follow(false)
                .header("Origin", "null")
                .formParam("user", "maria")
                .formParam("role", "admin")
                .post("/console/sign-in")
                .then()
                .statusCode(403);
    }

    @Test
    void aBrowsersSameOriginFormPostIsNotRefusedByTheApiCorsRule() {
        // a browser sends Origin with every form POST; the console's own origin is never in RAPPORT_CORS_ORIGINS
        String origin = "http://localhost:" + io.restassured.RestAssured.port;
        // the gateway's Referrer-Policy no-referrer would make a browser send "Origin: null": the pages lift it
        given().get("/console/sign-in")
                .then()
                .statusCode(200)
                .body(containsString("<meta name=\"referrer\" content=\"same-origin\">"));
        Response signIn = given().redirects()
                .follow(false)
                .header("Origin", origin)
                .formParam("user", "maria")
                .formParam("role", "admin")
                .post("/console/sign-in");
        assertThat(signIn.statusCode()).isEqualTo(303);
        given().redirects()
                .follow(false)
                .header("Origin", "http://evil.example")
                .formParam("user", "maria")
                .formParam("role", "admin")
                .post("/console/sign-in")
                .then()
                .statusCode(403);
    }

    @Test
    void signInSetsAnHttpOnlySameSiteStrictCookieAndNoSessionLeadsToTheSignInPage() {
        Response signIn = given().redirects()
                .follow(false)
                .formParam("user", "maria")
                .formParam("role", "admin")
                .post("/console/sign-in");
        assertThat(signIn.statusCode()).isEqualTo(303);
        String cookie = signIn.getHeader("Set-Cookie");
        assertThat(cookie)
                .startsWith("rapport_console=")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Path=/console");
        given().redirects()
                .follow(false)
                .get("/console/overview")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/sign-in"));
        given().redirects()
                .follow(false)
                .cookie("rapport_console", TestTokens.foreign("maria", "admin"))
                .get("/console/overview")
                .then()
                .statusCode(303);
    }

    @Test
    void everyPageRendersForTheManager() {
        Response signIn = given().redirects()
                .follow(false)
                .formParam("user", "maria")
                .formParam("role", "admin")
                .post("/console/sign-in");
        String token = signIn.getCookie("rapport_console");
        for (String page : java.util.List.of(
                "overview",
                "segments",
                "agenda",
                "customers",
                "customers/" + ConsoleStubData.CUSTOMER,
                "loyalty",
                "health")) {
            Response r = given().redirects()
                    .follow(false)
                    .cookie("rapport_console", token)
                    .get("/console/" + page);
            assertThat(r.statusCode()).as(page + ": " + r.asString()).isEqualTo(200);
            assertThat(r.asString()).as(page).contains("id=\"signed-in-as\"");
            assertThat(r.getHeader("Server-Timing")).as(page).matches("app;desc=\"server time\";dur=\\d+\\.\\d");
        }
    }

    @Test
    void everyConsoleAnswerSaysItsServerTimeEvenASignInRedirectAndACsv() {
        assertThat(given().redirects().follow(false).get("/console/overview").getHeader("Server-Timing"))
                .startsWith("app;");
        assertThat(given().get("/console/sign-in").getHeader("Server-Timing")).startsWith("app;");
        assertThat(given().cookie("rapport_console", TestTokens.token("mia", "marketing"))
                        .get("/console/segments/gold.csv")
                        .getHeader("Server-Timing"))
                .matches("app;desc=\"server time\";dur=\\d+\\.\\d");
        assertThat(given().get("/api/v1/customers").getHeader("Server-Timing")).isNull();
    }

    @Test
    void aRescheduleWithoutOrWithABadNewTimeIsSentBackWithAMessageAndNotSent() {
        String token = TestTokens.token("sam", "sales");
        int before = ConsoleBrowserIT.DATA.actions.size();
        for (String dueAt : new String[] {null, "tomorrow"}) {
            var request = given().redirects()
                    .follow(false)
                    .cookie("rapport_console", token)
                    .formParam("csrf", ConsoleSession.csrf(token))
                    .formParam("version", "3");
            if (dueAt != null) {
                request = request.formParam("dueAt", dueAt);
            }
            request.post("/console/agenda/" + ConsoleStubData.CONTACT + "/reschedule")
                    .then()
                    .statusCode(303)
                    .header("Location", containsString("not+a+date+and+time"));
        }
        assertThat(ConsoleBrowserIT.DATA.actions).hasSize(before);
    }

    /**
     * No console redirect takes its target from the request: sign-in, sign-out, a page without a session and a
     * contact action send the browser to a fixed path of the console's own whatever return URL a link or form carries
     * (next, returnTo, redirect, url, or an assignee shaped like a host); an unknown query parameter is refused (400).
     */
    @Test
    void noRedirectLeavesTheConsoleWhateverReturnUrlTheRequestCarries() {
        String[] evil = {"https://evil.example/x", "//evil.example", "/\\evil.example", "http:evil.example"};
        String[] names = {"next", "returnTo", "return", "redirect", "redirect_uri", "url", "continue"};
        java.util.List<String> locations = new java.util.ArrayList<>();
        for (String target : evil) {
            StringBuilder query = new StringBuilder();
            for (String name : names) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
            }
            Response signedIn = given().redirects()
                    .follow(false)
                    .urlEncodingEnabled(false)
                    .formParam("user", "maria")
                    .formParam("role", "admin")
                    .post("/console/sign-in" + query);
            refusedOrKeptInTheConsole(signedIn, locations);
            Response noSession =
                    given().redirects().follow(false).urlEncodingEnabled(false).get("/console/overview" + query);
            refusedOrKeptInTheConsole(noSession, locations);
            String token = TestTokens.token("sam", "sales");
            Response out = given().redirects()
                    .follow(false)
                    .urlEncodingEnabled(false)
                    .cookie("rapport_console", token)
                    .formParam("csrf", ConsoleSession.csrf(token))
                    .formParam("next", target)
                    .post("/console/sign-out" + query);
            refusedOrKeptInTheConsole(out, locations);
            Response action = given().redirects()
                    .follow(false)
                    .cookie("rapport_console", token)
                    .formParam("csrf", ConsoleSession.csrf(token))
                    .formParam("assignee", target)
                    .formParam("next", target)
                    .post("/console/agenda/" + ConsoleStubData.CONTACT + "/reschedule");
            refusedOrKeptInTheConsole(action, locations);
        }
        String origin = "http://localhost:" + io.restassured.RestAssured.port;
        for (String location : locations) {
            String path = location.startsWith(origin) ? location.substring(origin.length()) : location;
            assertThat(path).as(location).startsWith("/console").doesNotContain("evil");
            assertThat(java.net.URI.create(location).getHost()).as(location).isIn(null, "localhost");
        }
    }

    /** A 303 (its Location checked by the caller), or a 400 problem that names the unknown parameter and leads nowhere. */
    private static void refusedOrKeptInTheConsole(Response response, java.util.List<String> locations) {
        if (response.statusCode() == 400) {
            assertThat(response.getHeader("Location")).isNull();
            assertThat(response.asString()).contains("unknown query parameter");
            return;
        }
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(303);
        locations.add(response.getHeader("Location"));
    }

    @Test
    void aContactActionWithoutTheSessionsFormTokenIsRefusedAndNotSent() {
        String token = TestTokens.token("sam", "sales");
        int before = ConsoleBrowserIT.DATA.actions.size();
        given().redirects()
                .follow(false)
                .cookie("rapport_console", token)
                .formParam("csrf", "forged")
                .formParam("outcome", "REACHED")
                .post("/console/agenda/" + ConsoleStubData.CONTACT + "/complete")
                .then()
                .statusCode(403);
        assertThat(ConsoleBrowserIT.DATA.actions).hasSize(before);
    }

    @Test
    void theWorksheetExportsAsCsvWithFormulasDefused() {
        String csv = given().cookie("rapport_console", TestTokens.token("mia", "marketing"))
                .get("/console/segments/gold.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertThat(csv)
                .startsWith("customerId,abcClass,valueClass,netRevenue")
                .contains(ConsoleStubData.CUSTOMER)
                .contains("'=1+1")
                .doesNotContain(",=1+1");
        given().cookie("rapport_console", TestTokens.token("suzy", "support"))
                .get("/console/segments/gold.csv")
                .then()
                .statusCode(403);
    }

    @Test
    void aPageNeedsTheRoleOfTheApiBehindIt() {
        given().cookie("rapport_console", TestTokens.token("suzy", "support"))
                .get("/console/health")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("Health page"));
    }
}
