package io.rapport.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The merged document without a running stack: merges the documents each module's build stores under
 * {@code target/openapi/openapi.json} ({@code quarkus.smallrye-openapi.store-schema-directory}) exactly as
 * {@code /q/openapi-all} merges the live ones, and writes {@code rapport-openapi.json} and
 * {@code rapport-openapi.yaml}.
 *
 * <p>Usage: {@code OpenApiFilesMain <out-dir> <name>=<openapi.json> ...} (the gateway first, then the services in the
 * gateway's upstream order).
 */
public final class OpenApiFilesMain {
    private OpenApiFilesMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: OpenApiFilesMain <out-dir> <name>=<openapi.json> ...");
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        OpenApiMerger merger = new OpenApiMerger("Rapport API", "0.1.0");
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            String name = args[i].substring(0, eq);
            Path file = Path.of(args[i].substring(eq + 1));
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(
                        file + " is missing: build " + name + " first (it stores its document there)");
            }
            JsonNode doc = json.readTree(file.toFile());
            merger.add(name, doc);
        }
        JsonNode merged = merger.build();
        Path out = Files.createDirectories(Path.of(args[0]));
        json.writeValue(out.resolve("rapport-openapi.json").toFile(), merged);
        YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build()
                .writeValue(out.resolve("rapport-openapi.yaml").toFile(), merged);
        System.out.println("merged OpenAPI document: " + out.resolve("rapport-openapi.json"));
    }
}
