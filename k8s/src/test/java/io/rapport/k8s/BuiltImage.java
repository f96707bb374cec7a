package io.rapport.k8s;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The image a module's build wrote to {@code target/jib-image.tar} (docker-archive: manifest.json, the config,
 * gzip layers), read once per test JVM.
 */
record BuiltImage(Path tar, List<String> repoTags, JsonNode config, List<String> layers) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, BuiltImage> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Optional<String>> LAYER_FILES = new ConcurrentHashMap<>();

    /** Why image checks are skipped, if they are: images not built, or pushed to a registry instead. */
    static Optional<String> notBuiltLocally() {
        if ("false".equals(System.getProperty("rapport.images.build"))
                || "false".equalsIgnoreCase(System.getenv("QUARKUS_CONTAINER_IMAGE_BUILD"))) {
            return Optional.of("images were not built (-Dquarkus.container-image.build=false): image checks skipped");
        }
        if ("true".equals(System.getProperty("rapport.images.push"))
                || "true".equalsIgnoreCase(System.getenv("QUARKUS_CONTAINER_IMAGE_PUSH"))) {
            return Optional.of(
                    "images were pushed to a registry, not written to target/jib-image.tar: image checks skipped");
        }
        return Optional.empty();
    }

    /** The module's image; the calling test is skipped when the build made no local images. */
    static BuiltImage of(ServiceModule module) {
        assumeFalse(notBuiltLocally().isPresent(), () -> notBuiltLocally().orElseThrow());
        Path tar = Repo.root().resolve(module.dir()).resolve("target/jib-image.tar");
        if (!Files.isRegularFile(tar)) {
            throw new AssertionError(
                    "no image at " + tar + ": the services' build writes it (./mvnw verify builds them "
                            + "before this module); -Dquarkus.container-image.build=false skips images and these checks");
        }
        return CACHE.computeIfAbsent(tar.toString(), t -> read(tar));
    }

    private static BuiltImage read(Path tar) {
        Map<String, byte[]> json = new HashMap<>();
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().endsWith(".json")) {
                    json.put(e.getName(), in.readAllBytes());
                }
            }
            JsonNode manifest = JSON.readTree(json.get("manifest.json")).get(0);
            List<String> repoTags = new ArrayList<>();
            manifest.path("RepoTags").forEach(t -> repoTags.add(t.asText()));
            List<String> layers = new ArrayList<>();
            manifest.path("Layers").forEach(l -> layers.add(l.asText()));
            if (!names.containsAll(layers)) {
                throw new AssertionError(tar + " lacks layers its manifest lists");
            }
            return new BuiltImage(
                    tar,
                    repoTags,
                    JSON.readTree(json.get(manifest.path("Config").asText())),
                    layers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode containerConfig() {
        return config.path("config");
    }

    /** A text file of the image's filesystem (the topmost layer that has it), e.g. etc/passwd. */
    Optional<String> file(String path) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            String layer = layers.get(i);
            Optional<String> content = LAYER_FILES.computeIfAbsent(layer + "!" + path, k -> readFromLayer(layer, path));
            if (content.isPresent()) {
                return content;
            }
        }
        return Optional.empty();
    }

    private Optional<String> readFromLayer(String layer, String path) {
        try (TarArchiveInputStream image =
                new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
            for (TarArchiveEntry e = image.getNextEntry(); e != null; e = image.getNextEntry()) {
                if (e.getName().equals(layer)) {
                    InputStream gz = new GZIPInputStream(image, 1 << 16);
                    TarArchiveInputStream files = new TarArchiveInputStream(gz);
                    for (TarArchiveEntry f = files.getNextEntry(); f != null; f = files.getNextEntry()) {
                        String name = f.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                        if (name.equals(path) && f.isFile()) {
                            return Optional.of(new String(files.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
