package io.rapport.gateway.console;

import io.rapport.gateway.domain.AccessPolicy;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sign-in and sign-out. The dev profile's page issues a token from {@code ./crm token}'s key for a name and role; in
 * other profiles the page says to sign in through the identity provider (see README, "Console").
 */
@Path("/console")
public class SignInResource {
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private final DevSignIn dev;
    private final ConsoleSession session;
    private final ConsolePage pages;

    public SignInResource(DevSignIn dev, ConsoleSession session, ConsolePage pages) {
        this.dev = dev;
        this.session = session;
        this.pages = pages;
    }

    @GET
    @Path("sign-in")
    public Response page() {
        return signInPage(200, null);
    }

    private Response signInPage(int status, String error) {
        Map<String, Object> data = new HashMap<>();
        data.put("dev", dev.enabled());
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

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@CookieParam(ConsoleSession.COOKIE) String token, @FormParam("csrf") String csrf) {
        if (token != null && !ConsoleSession.csrfMatches(token, csrf)) {
            return Response.status(403)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("stale form: reload the page and sign out again")
                    .build();
        }
        return Response.seeOther(java.net.URI.create("/console/sign-in"))
                .cookie(session.close())
                .header("Cache-Control", "no-store")
                .build();
    }
}
