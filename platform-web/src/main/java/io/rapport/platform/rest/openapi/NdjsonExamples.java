package io.rapport.platform.rest.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * An NDJSON body is a string of JSON lines, but SmallRye reads each example line into an object. Each such schema's
 * examples become one string example, one line per example object: {@code @Schema(implementation = String.class,
 * examples = {"{...}", "{...}"})} on an {@code application/x-ndjson} body documents a two-line stream.
 */
final class NdjsonExamples {
    static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NdjsonExamples() {}

    static void asText(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (Map.Entry<String, MediaType> m : content.getMediaTypes().entrySet()) {
            Schema schema = m.getValue().getSchema();
            if (!m.getKey().startsWith(NDJSON)
                    || schema == null
                    || schema.getExamples() == null
                    || schema.getExamples().stream().allMatch(e -> e instanceof String)) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (Object example : schema.getExamples()) {
                lines.add(line(example));
            }
            schema.setExamples(List.of(String.join("\n", lines) + "\n"));
        }
    }

    private static String line(Object example) {
        if (example instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(example);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an example read from JSON writes back", e);
        }
    }
}
