package io.rapport.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A single-layer image as a docker-archive ({@code docker save} format: manifest.json, the config, the layer),
 * which Jib reads as a {@code tar://} base image. Deterministic: the same layer and settings give the same bytes.
 */
final class DockerArchive {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EPOCH = "1970-01-01T00:00:00Z";

    /** What the image runs with (its config). */
    record Config(
            String architecture,
            String user,
            String workingDir,
            List<String> env,
            Map<String, String> labels,
            String createdBy) {}

    private DockerArchive() {}

    static void write(Path out, String repoTag, LayerWriter.Result layer, Config config) throws IOException {
        ObjectNode image = JSON.createObjectNode();
        image.put("architecture", config.architecture()).put("os", "linux").put("created", EPOCH);
        ObjectNode c = image.putObject("config");
        c.put("User", config.user()).put("WorkingDir", config.workingDir());
        ArrayNode env = c.putArray("Env");
        config.env().forEach(env::add);
        ObjectNode labels = c.putObject("Labels");
        config.labels().forEach(labels::put);
        ObjectNode rootfs = image.putObject("rootfs").put("type", "layers");
        rootfs.putArray("diff_ids").add("sha256:" + layer.diffId());
        image.putArray("history").addObject().put("created", EPOCH).put("created_by", config.createdBy());
        byte[] configJson = JSON.writeValueAsBytes(image);

        String layerName = layer.digest() + ".tar.gz";
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode entry = manifest.addObject();
        entry.put("Config", "config.json");
        entry.putArray("RepoTags").add(repoTag);
        entry.putArray("Layers").add(layerName);
        byte[] manifestJson = JSON.writeValueAsBytes(manifest);

        try (OutputStream file = Files.newOutputStream(out);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            put(tar, "manifest.json", manifestJson);
            put(tar, "config.json", configJson);
            TarArchiveEntry e = new TarArchiveEntry(layerName);
            e.setModTime(0);
            e.setSize(layer.size());
            tar.putArchiveEntry(e);
            Files.copy(layer.file(), tar);
            tar.closeArchiveEntry();
            tar.finish();
        }
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setModTime(0);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
