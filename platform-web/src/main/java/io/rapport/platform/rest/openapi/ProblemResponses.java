package io.rapport.platform.rest.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The error statuses an operation can answer, from what it takes: 400 when it reads a body or parameters, 404
 * when its path names a resource, 409 and 422 when it changes state (a conflict with the current state, a domain
 * rule), 412 when it honours {@code If-Match}, 413 and 415 when it reads a body. The gateway adds its own
 * (401, 403, 429, 503, 504). Every one of them answers {@code application/problem+json}.
 */
public final class ProblemResponses {
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private ProblemResponses() {}

    public static Map<String, String> statuses(String method, String path, List<Parameter> parameters, boolean body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body || !parameters.isEmpty()) {
            out.put("400", describe("400"));
        }
        if (path.contains("{")) {
            out.put("404", describe("404"));
        }
        if (CHANGING.contains(method.toUpperCase(java.util.Locale.ROOT))) {
            out.put("409", describe("409"));
        }
        if (parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
            out.put("412", describe("412"));
        }
        if (body) {
            out.put("413", describe("413"));
            out.put("415", describe("415"));
        }
        if (CHANGING.contains(method.toUpperCase(java.util.Locale.ROOT))) {
            out.put("422", describe("422"));
        }
        return out;
    }

    public static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5") || code.equals("default");
    }

    public static String describe(String code) {
        return switch (code) {
            case "400" -> "Invalid request: a field or parameter is missing or malformed (errors names each one)";
            case "401" -> "No valid credential";
            case "403" -> "The caller's roles or scopes do not allow this";
            case "404" -> "No such resource";
            case "409" -> "Conflicts with the current state (for example a duplicate; context names the existing one)";
            case "412" -> "The If-Match version is stale: read the resource again";
            case "413" -> "The body is too large";
            case "415" -> "Unsupported media type: send application/json";
            case "422" -> "A domain rule refuses the request";
            case "429" -> "Rate limit exceeded; see Retry-After";
            case "503" -> "The service is unavailable";
            case "504" -> "The service did not answer in time";
            default -> "Error (problem+json)";
        };
    }
}
