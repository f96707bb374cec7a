package io.rapport.gateway.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.rapport.gateway.domain.AccessPolicy;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sign-in and sign-out. The dev profile's page issues a token from {@code ./crm token}'s key for a name and role; in
 * other profiles the console is entered through the identity provider's authorization code flow (Quarkus OIDC, see
 * {@link ConsoleOidc} and README, "Console"): once the flow has signed the browser in, {@link #signedIn()} takes the
 * provider's access token as the console session, verified exactly like an API bearer token (issuer, audience, age,
 * roles from {@code groups}), so the console grants nothing the API would not.
 */
@Path("/console")
public class SignInResource {
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private final DevSignIn dev;
    private final ConsoleSession session;
    private final ConsolePage pages;
    private final ConsoleOidc oidc;
    private final SecurityIdentity identity;

    public SignInResource(
            DevSignIn dev, ConsoleSession session, ConsolePage pages, ConsoleOidc oidc, SecurityIdentity identity) {
        this.dev = dev;
        this.session = session;
        this.pages = pages;
        this.oidc = oidc;
        this.identity = identity;
    }

    @GET
    @Path("sign-in")
    public Response page() {
        return signInPage(200, null);
    }

    private Response signInPage(int status, String error) {
        Map<String, Object> data = new HashMap<>();
        data.put("dev", dev.enabled());
        data.put("oidc", oidc.enabled() ? ConsoleOidc.SIGN_IN : null);
        data.put(
                "roles",
                List.of(
                        AccessPolicy.ADMIN,
                        AccessPolicy.SALES,
                        AccessPolicy.MARKETING,
                        AccessPolicy.SUPPORT,
                        AccessPolicy.DATA_STEWARD));
        data.put("error", error);
        return pages.render(status, "sign-in.html", data);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("user") String user, @FormParam("role") String role) {
        if (!dev.enabled()) {
            return signInPage(404, "dev sign-in is off in this profile: sign in through your identity provider");
        }
        if (user == null || !SUBJECT.matcher(user.trim()).matches()) {
            return signInPage(400, "the user name: 1 to 64 letters, digits, dots, dashes, underscores or @");
        }
        if (role == null || !AccessPolicy.ROLES.contains(role)) {
            return signInPage(400, "choose one of the roles");
        }
        String token = dev.sign(user.trim(), List.of(role));
        var caller = session.caller(token);
        if (caller.isEmpty()) {
            return signInPage(500, "the gateway does not accept the dev token: is mp.jwt.verify.* the dev key pair?");
        }
        ConsolePage.Kind home = ConsolePage.home(caller.get());
        return Response.seeOther(java.net.URI.create(home == null ? "/console" : "/console/" + home.path))
                .cookie(session.open(token))
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * Where the code flow lands (Quarkus OIDC lets only a signed-in browser through, see
     * {@code quarkus.http.auth.permission.console-oidc}). The answer is a page that moves on by itself rather than a
     * redirect: the browser arrived here from the provider's site, and a SameSite=Strict cookie would not be sent with
     * a redirect that continues that cross-site navigation, so the next request must start from this page.
     */
    @GET
    @Path("oidc/sign-in")
    public Response signedIn() {
        if (!oidc.enabled()) {
            return signInPage(404, "sign-in through an identity provider is not configured here");
        }
        AccessTokenCredential access =
                identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        String token = access == null ? null : access.getToken();
        var caller = session.caller(token);
        if (caller.isEmpty()) {
            return signInPage(
                    403,
                    "the identity provider signed you in, but its access token is not one the Rapport API accepts"
                            + " (issuer, audience, age): ask an administrator to check the console's OIDC client");
        }
        ConsolePage.Kind home = ConsolePage.home(caller.get());
        String next = home == null ? "/console" : "/console/" + home.path;
        Map<String, Object> data = new HashMap<>();
        data.put("next", next);
        data.put("user", caller.get().id());
        return Response.fromResponse(pages.render(200, "signed-in.html", data))
                .cookie(session.open(token))
                .build();
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(
            @CookieParam(ConsoleSession.COOKIE) String token,
            @FormParam("csrf") String csrf,
            @Context HttpHeaders headers) {
        if (token != null && !ConsoleSession.csrfMatches(token, csrf)) {
            return Response.status(403)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("stale form: reload the page and sign out again")
                    .build();
        }
        // with a provider session, Quarkus OIDC's logout path ends it at the provider, which sends the browser back
        boolean providerSession = oidc.enabled()
                && headers.getCookies().keySet().stream().anyMatch(n -> n.startsWith(ConsoleOidc.SESSION_COOKIE));
        return Response.seeOther(java.net.URI.create(providerSession ? ConsoleOidc.SIGN_OUT : "/console/sign-in"))
                .cookie(session.close())
                .header("Cache-Control", "no-store")
                .build();
    }
}
