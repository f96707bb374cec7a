package io.rapport.platform.rest.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Plain scalars are written where they are used, not as components: SmallRye makes {@code UUID}, {@code Instant},
 * {@code LocalDate} and {@code Decimal} components that generators turn into classes clashing with the language's
 * own ({@code LocalDate}, {@code Date}). A {@code $ref} keeps no {@code type} beside it (generators drop it with a
 * warning), and a string keeps no numeric bounds ({@code @DecimalMin} on a decimal string): they go into its
 * description instead.
 */
final class ScalarSchemas {
    private ScalarSchemas() {}

    static void inline(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Map<String, Schema> scalars = new LinkedHashMap<>();
        components.getSchemas().forEach((name, schema) -> {
            if (isScalar(schema)) {
                scalars.put("#/components/schemas/" + name, schema);
            }
        });
        List<Schema> all = new ArrayList<>(components.getSchemas().values());
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                parameters(item.getParameters(), all);
                if (item.getOperations() == null) {
                    continue;
                }
                for (Operation op : item.getOperations().values()) {
                    parameters(op.getParameters(), all);
                    if (op.getRequestBody() != null) {
                        content(op.getRequestBody().getContent(), all);
                    }
                    if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                        for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                            content(r.getContent(), all);
                            if (r.getHeaders() != null) {
                                for (Header h : r.getHeaders().values()) {
                                    all.add(h.getSchema());
                                }
                            }
                        }
                    }
                }
            }
        }
        for (Schema s : all) {
            visit(s, scalars);
        }
        scalars.keySet().forEach(ref -> components.removeSchema(ref.substring(ref.lastIndexOf('/') + 1)));
    }

    private static boolean isScalar(Schema s) {
        return s.getRef() == null
                && s.getType() != null
                && s.getType().size() == 1
                && s.getType().get(0) != Schema.SchemaType.OBJECT
                && s.getType().get(0) != Schema.SchemaType.ARRAY
                && s.getEnumeration() == null
                && s.getProperties() == null
                && s.getAllOf() == null
                && s.getOneOf() == null
                && s.getAnyOf() == null;
    }

    private static void parameters(List<Parameter> parameters, List<Schema> all) {
        if (parameters != null) {
            parameters.forEach(p -> all.add(p.getSchema()));
        }
    }

    private static void content(Content content, List<Schema> all) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType m : content.getMediaTypes().values()) {
                all.add(m.getSchema());
            }
        }
    }

    private static void visit(Schema s, Map<String, Schema> scalars) {
        if (s == null) {
            return;
        }
        if (s.getRef() != null) {
            Schema scalar = scalars.get(s.getRef());
            if (scalar != null) {
                s.setRef(null);
                s.setType(scalar.getType());
                if (s.getFormat() == null) {
                    s.setFormat(scalar.getFormat());
                }
                if (s.getPattern() == null) {
                    s.setPattern(scalar.getPattern());
                }
                if (s.getDescription() == null) {
                    s.setDescription(scalar.getDescription());
                }
                if (s.getExamples() == null && scalar.getExamples() != null) {
                    s.setExamples(new ArrayList<>(scalar.getExamples()));
                }
            } else {
                s.setType(null);
            }
        }
        if (s.getType() != null
                && s.getType().contains(Schema.SchemaType.STRING)
                && !s.getType().contains(Schema.SchemaType.NUMBER)
                && !s.getType().contains(Schema.SchemaType.INTEGER)) {
            describeBounds(s);
            if (s.getExamples() != null && s.getExamples().stream().anyMatch(e -> e instanceof Number)) {
                // a decimal string's example read as a number ("12.50" became 12.5): written back as a string
                s.setExamples(s.getExamples().stream()
                        .map(e -> e instanceof Number n ? (Object) new BigDecimal(n.toString()).toPlainString() : e)
                        .toList());
            }
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> visit(p, scalars));
        }
        visit(s.getItems(), scalars);
        visit(s.getAdditionalPropertiesSchema(), scalars);
        visit(s.getNot(), scalars);
        for (List<Schema> list :
                java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf(), s.getPrefixItems())) {
            if (list != null) {
                list.forEach(x -> visit(x, scalars));
            }
        }
    }

    private static void describeBounds(Schema s) {
        List<String> bounds = new ArrayList<>();
        bound(bounds, "at least", s.getMinimum());
        bound(bounds, "more than", s.getExclusiveMinimum());
        bound(bounds, "at most", s.getMaximum());
        bound(bounds, "less than", s.getExclusiveMaximum());
        if (bounds.isEmpty()) {
            return;
        }
        s.setMinimum(null);
        s.setExclusiveMinimum(null);
        s.setMaximum(null);
        s.setExclusiveMaximum(null);
        String text = "Value " + String.join(", ", bounds) + ".";
        s.setDescription(s.getDescription() == null ? text : s.getDescription() + " " + text);
    }

    private static void bound(List<String> out, String words, BigDecimal value) {
        if (value != null) {
            out.add(words + " " + value.toPlainString());
        }
    }
}
