package io.rapport.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.rapport.gateway.domain.AccessPolicy;
import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.domain.ProxyHeaders;
import io.rapport.gateway.domain.RouteTable;
import io.rapport.gateway.proxy.IdentityHeaders;
import io.rapport.gateway.proxy.Upstream;
import io.rapport.gateway.proxy.UpstreamFailure;
import io.rapport.gateway.proxy.Upstreams;
import io.rapport.gateway.security.ServiceTokenIssuer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * How the console reads and changes data: through the gateway's own upstream clients (pool, timeouts, breakers) with a
 * service token for the signed-in user, after the same role matrix the API applies. So the owning service enforces
 * every rule (ownership, agendas) exactly as for an API call; the console never reads a database.
 */
@ApplicationScoped
public class ConsoleClient {
    /** An answer: its HTTP status and JSON body (NullNode when absent or not JSON), or why there is none. */
    public record Answer(int status, JsonNode body, String failure) {
        public boolean ok() {
            return failure == null && status >= 200 && status < 300;
        }

        public static Answer failed(String why) {
            return new Answer(0, NullNode.getInstance(), why);
        }

        /** What to show when there is no usable answer. */
        public String problem() {
            if (failure != null) {
                return failure;
            }
            String detail = body.path("detail").asText("");
            return "HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    private final Upstreams upstreams;
    private final ServiceTokenIssuer tokens;
    private final ObjectMapper json;

    public ConsoleClient(Upstreams upstreams, ServiceTokenIssuer tokens, ObjectMapper json) {
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.json = json;
    }

    public Future<Answer> get(Caller caller, String path, String requestId) {
        return call(caller, HttpMethod.GET, path, null, null, requestId);
    }

    public Future<Answer> post(Caller caller, String path, Object body, String ifMatch, String requestId) {
        return call(caller, HttpMethod.POST, path, body, ifMatch, requestId);
    }

    private Future<Answer> call(
            Caller caller, HttpMethod method, String path, Object body, String ifMatch, String requestId) {
        String routePath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        var route = RouteTable.resolve(routePath).orElseThrow(() -> new IllegalArgumentException("no route " + path));
        if (!AccessPolicy.allows(route.group(), method.name(), routePath, caller)) {
            return Future.succeededFuture(new Answer(403, NullNode.getInstance(), null));
        }
        Upstream upstream = upstreams.get(route.upstream());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Accept", "application/json");
        if (requestId != null) {
            headers.set(ProxyHeaders.REQUEST_ID, requestId);
        }
        if (ifMatch != null) {
            headers.set("If-Match", ifMatch);
        }
        IdentityHeaders.set(headers, caller, tokens, upstream.serviceName());
        Future<Upstream.Reply> reply;
        if (method == HttpMethod.GET) {
            reply = upstream.get(caller.rateLimitKey(), path, headers, upstream.timeoutMillis());
        } else {
            Buffer buffer;
            try {
                buffer = body == null ? null : Buffer.buffer(json.writeValueAsBytes(body));
            } catch (IOException e) {
                return Future.failedFuture(e);
            }
            if (buffer != null) {
                headers.set("Content-Type", "application/json");
            }
            reply = upstream.send(caller.rateLimitKey(), method, path, headers, buffer, upstream.timeoutMillis());
        }
        return reply.map(r -> new Answer(r.status(), parse(r.body()), null))
                .otherwise(e -> Answer.failed(
                        e instanceof UpstreamFailure f
                                ? f.getMessage()
                                : upstream.serviceName() + " could not be reached"));
    }

    private JsonNode parse(Buffer body) {
        if (body == null || body.length() == 0) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(body.getBytes());
        } catch (IOException e) {
            return NullNode.getInstance();
        }
    }
}
