package io.rapport.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker CLI stand-in answers exactly what Jib's CliDockerClient asks (info, load) and nothing else. */
class DockerStandInTest {
    @TempDir
    Path dir;

    Path docker;

    @BeforeEach
    void copyScript() throws Exception {
        docker = dir.resolve("docker");
        try (InputStream script = ConfigureJibMojo.class.getResourceAsStream("docker")) {
            Files.copy(script, docker, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Process run(Path tar, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(docker.toString());
        pb.command().addAll(java.util.List.of(args));
        pb.environment().put(ConfigureJibMojo.TAR_ENV, tar.toString());
        return pb.start();
    }

    @Test
    void infoPrintsTheJsonJibReads() throws Exception {
        Process p = run(dir.resolve("unused.tar"), "info", "-f", "{{json .}}");
        JsonNode info = new ObjectMapper().readTree(p.getInputStream());

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(info.path("OSType").asText()).isEqualTo("linux");
        assertThat(info.path("Architecture").asText()).isNotBlank();
    }

    @Test
    void loadWritesTheImageFromStdinToTheFile() throws Exception {
        Path tar = dir.resolve("out/jib-image.tar");
        byte[] image = "an image tarball".repeat(10_000).getBytes(StandardCharsets.US_ASCII);

        Process p = run(tar, "load");
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(image);
        }

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readAllBytes(tar)).isEqualTo(image);
        assertThat(dir.resolve("out/jib-image.tar.part")).doesNotExist();
    }

    @Test
    void anyOtherCommandFails() throws Exception {
        Process p = run(dir.resolve("unused.tar"), "inspect", "-f", "{{json .}}", "--type", "image", "x");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err).contains("'inspect -f {{json .}} --type image x' is not supported");
    }
}
