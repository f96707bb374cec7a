package io.rapport.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The documents under test: the merged one (clients/target/openapi) and each module's stored one. */
final class Documents {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = Path.of(System.getProperty("rapport.project.root", ".."));
    static final Path MERGED = Path.of(System.getProperty("rapport.openapi.dir", "target/openapi"));

    private Documents() {}

    /** name -> file: "merged", then every module's own document. */
    static Map<String, Path> all() {
        Map<String, Path> docs = new LinkedHashMap<>();
        docs.put("merged", MERGED.resolve("rapport-openapi.json"));
        for (String module : new String[] {
            "gateway", "customer-service", "segmentation-service", "engagement-service", "loyalty-service"
        }) {
            docs.put(module, ROOT.resolve(module).resolve("target/openapi/openapi.json"));
        }
        return docs;
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
