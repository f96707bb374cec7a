package io.rapport.engagement.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.platform.identity.PemKeys;
import io.rapport.platform.identity.ServiceToken;
import io.rapport.platform.identity.ServiceTokenConfig;
import io.rapport.platform.identity.ServiceTokenSigner;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reads what a message needs and engagement may not keep: the customer's name, address and preferences from
 * customer-service, and the co-purchase recommendations from segmentation, at send (or preview) time, with a service
 * token engagement signs with its OWN key ({@code rapport.engagement.outreach.directory.private-key-location}, issuer and
 * subject {@code engagement-service}, no roles): customer-service and segmentation trust that key for engagement's
 * identity only, on these two reads. Engagement never holds the gateway's key, so a compromised engagement cannot speak
 * for a person or call any other route. Personal data stays in customer-service: customer
 * events carry none (issue 15) and engagement dropped its name column, so no projection can hold them.
 */
@ApplicationScoped
public class RecipientDirectory {
    private static final Logger LOG = Logger.getLogger(RecipientDirectory.class);

    /** The answer about one customer. */
    public sealed interface Lookup {}

    public record Found(Recipient recipient) implements Lookup {}

    /** customer-service does not know the customer (404), or it was erased or merged away (410). */
    public record Gone(int status) implements Lookup {}

    /** No answer now (network, timeout, 5xx, no key): try again later. */
    public record Unavailable(String why) implements Lookup {}

    /** One co-purchase recommendation: customers who bought {@code because} also bought {@code item}. */
    public record Recommendation(String item, String because) {}

    private final OutreachConfig.Directory config;
    private final ObjectMapper json;
    private final HttpClient http;
    /** This service's name: the issuer and subject of its tokens, as customer-service and segmentation know it. */
    static final String SELF = "engagement-service";

    private record Signed(String token, long reuseUntilMillis) {}

    private final ServiceTokenSigner signer;
    /**
     * A token per audience, reused for half its lifetime (rapport.service-token.max-age, the receivers' limit too);
     * the receivers keep verified tokens, so a reused one costs them no signature check.
     */
    private final ConcurrentHashMap<String, Signed> tokens = new ConcurrentHashMap<>();

    public RecipientDirectory(OutreachConfig config, ServiceTokenConfig tokenConfig, ObjectMapper json) {
        this.config = config.directory();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.signer = this.config
                .privateKeyLocation()
                .filter(l -> !l.isBlank())
                .map(l -> new ServiceTokenSigner(PemKeys.privateKey(l), SELF, tokenConfig.maxAge()))
                .orElse(null);
    }

    public Lookup find(UUID customerId) {
        if (signer == null) {
            return new Unavailable("no service-token key (rapport.engagement.outreach.directory.private-key-location)");
        }
        try {
            HttpResponse<String> r = get(config.customerUrl() + "/api/v1/customers/" + customerId, "customer-service");
            if (r.statusCode() == 404 || r.statusCode() == 410) {
                return new Gone(r.statusCode());
            }
            if (r.statusCode() != 200) {
                return new Unavailable("customer-service answered " + r.statusCode());
            }
            JsonNode c = json.readTree(r.body());
            if (!c.path("status").asText("").isEmpty()
                    && "ERASED".equals(c.path("status").asText())) {
                return new Gone(410);
            }
            List<Recipient.Preference> prefs = new ArrayList<>();
            for (JsonNode p : c.path("preferences")) {
                prefs.add(new Recipient.Preference(text(p, "category"), text(p, "key"), text(p, "value")));
            }
            return new Found(new Recipient(
                    text(c, "givenName"),
                    text(c, "familyName"),
                    text(c.path("organisation"), "name"),
                    primary(c.path("emails")),
                    primary(c.path("phones")),
                    text(c, "locale"),
                    prefs));
        } catch (IOException e) {
            return new Unavailable("customer-service: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        }
    }

    /** The customer's recommendations; empty (the documented default) when segmentation has none or cannot answer. */
    public List<Recommendation> recommendations(UUID customerId) {
        if (signer == null || config.recommendations() <= 0) {
            return List.of();
        }
        try {
            HttpResponse<String> r = get(
                    config.segmentationUrl() + "/api/v1/segments/customers/" + customerId
                            + "/recommendations?level=category&limit=" + config.recommendations(),
                    "segmentation-service");
            if (r.statusCode() != 200) {
                return List.of();
            }
            List<Recommendation> out = new ArrayList<>();
            for (JsonNode n : json.readTree(r.body()).path("recommendations")) {
                out.add(new Recommendation(text(n, "item"), text(n, "because")));
            }
            return out;
        } catch (IOException e) {
            LOG.debugf("no recommendations for %s: %s", customerId, e.getClass().getSimpleName());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private String token(String audience) {
        long now = System.currentTimeMillis();
        Signed entry = tokens.get(audience);
        if (entry == null || entry.reuseUntilMillis() <= now) {
            entry = new Signed(
                    signer.sign(ServiceToken.service(SELF), audience),
                    now + signer.lifetime().toMillis() / 2);
            tokens.put(audience, entry);
        }
        return entry.token();
    }

    private HttpResponse<String> get(String url, String audience) throws IOException, InterruptedException {
        String token = token(audience);
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static String primary(JsonNode list) {
        String first = null;
        for (JsonNode n : list) {
            String v = text(n, "value");
            if (v != null && n.path("primary").asBoolean(false)) {
                return v;
            }
            first = first == null ? v : first;
        }
        return first;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
