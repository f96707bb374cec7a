package io.rapport.devstack.auth;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Test-side stand-in for the gateway, installed on every REST Assured request of a Quarkus test by
 * {@link ServiceTokenTestCallback}: a request's {@code X-Rapport-Principal} / {@code X-Rapport-Roles} /
 * {@code X-Rapport-Partner-Id} headers become a service token signed by the test key (the headers themselves are
 * removed, as the gateway removes them); a request without them acts as {@code admin} (subject "system", as an unnamed caller always was), and
 * one naming only a principal acts as {@code admin} under that name.
 * A request that already has an {@code Authorization} header is left alone, and one carrying {@value #RAW} is sent
 * exactly as written (minus that marker): tests of forged headers and bad tokens use it.
 */
public final class ServiceTokenTestFilter implements Filter {
    public static final String RAW = "X-Test-Raw-Identity";
    public static final String PRINCIPAL = "X-Rapport-Principal";
    public static final String ROLES = "X-Rapport-Roles";
    public static final String PARTNER_ID = "X-Rapport-Partner-Id";
    public static final String ADMIN_SUBJECT = "system";

    static final ServiceTokenTestFilter INSTANCE = new ServiceTokenTestFilter();

    private record Key(String audience, String subject, Set<String> roles, String partner) {}

    private record Cached(String token, long until) {}

    private final ConcurrentHashMap<Key, Cached> cache = new ConcurrentHashMap<>();

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        if (request.getHeaders().hasHeaderWithName(RAW)) {
            request.removeHeader(RAW);
            return ctx.next(request, response);
        }
        if (request.getHeaders().hasHeaderWithName("Authorization")) {
            return ctx.next(request, response);
        }
        String principal = request.getHeaders().getValue(PRINCIPAL);
        String roles = request.getHeaders().getValue(ROLES);
        String partner = request.getHeaders().getValue(PARTNER_ID);
        request.removeHeader(PRINCIPAL);
        request.removeHeader(ROLES);
        request.removeHeader(PARTNER_ID);
        Key key;
        if (principal == null && roles == null && partner == null) {
            key = new Key(audience(), ADMIN_SUBJECT, Set.of("admin"), null);
        } else {
            // a test that only names the actor (X-Rapport-Principal) acts as admin under that name
            Set<String> roleSet = roles == null
                    ? (partner == null ? Set.of("admin") : Set.of())
                    : Arrays.stream(roles.split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .collect(Collectors.toUnmodifiableSet());
            String subject = principal != null && !principal.isBlank()
                    ? principal.trim()
                    : partner != null ? "partner:" + partner.trim() : "test-user";
            key = new Key(audience(), subject, roleSet, partner == null || partner.isBlank() ? null : partner.trim());
        }
        request.header("Authorization", "Bearer " + token(key));
        return ctx.next(request, response);
    }

    private String token(Key key) {
        long now = System.currentTimeMillis();
        Cached cached = cache.get(key);
        if (cached == null || cached.until() < now) {
            cached = new Cached(
                    TestServiceTokens.sign(key.audience(), key.subject(), key.roles(), key.partner()), now + 20_000);
            cache.put(key, cached);
        }
        return cached.token();
    }

    /** The audience the service under test expects: its rapport.service-token.audience or application name. */
    static String audience() {
        var config = ConfigProvider.getConfig();
        return config.getOptionalValue("rapport.service-token.audience", String.class)
                .or(() -> config.getOptionalValue("quarkus.application.name", String.class))
                .orElse("rapport-test");
    }
}
