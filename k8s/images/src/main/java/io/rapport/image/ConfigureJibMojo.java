package io.rapport.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Configures Quarkus' Jib build (quarkus-container-image-jib) of this module so that it needs neither a Docker
 * daemon nor a registry. Runs at {@code initialize}, before the Quarkus Maven plugin first reads the project's
 * properties, and sets, unless the command line, the environment or the POM already set them:
 * <ul>
 * <li>{@code quarkus.jib.base-jvm-image=tar://target/rapport-image/jvm-base.tar}, which goal
 * {@code jvm-base-image} links to Rapport's JVM base image made from Debian packages;</li>
 * <li>unless pushing: {@code quarkus.jib.docker-executable-name} to a stand-in for the docker CLI
 * (target/rapport-image/docker) that writes the image Jib would load into a Docker daemon to {@code imageTar},
 * passed as {@code quarkus.jib.docker-environment.RAPPORT_IMAGE_TAR};</li>
 * <li>the system property {@code RAPPORT_GIT_SHA}, which platform-web's defaults put in the image label
 * org.opencontainers.image.revision, to the commit being built (git rev-parse HEAD).</li>
 * </ul>
 */
@Mojo(name = "configure-jib", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class ConfigureJibMojo extends ImageMojo {
    static final String TAR_ENV = "RAPPORT_IMAGE_TAR";
    static final String GIT_SHA = "RAPPORT_GIT_SHA";

    @Override
    public void execute() throws MojoExecutionException {
        if (!imageRequested()) {
            return;
        }
        try {
            setUnlessConfigured(BASE_IMAGE, "tar://" + baseImageLink());
            if (!pushing()) {
                setUnlessConfigured(
                        "quarkus.jib.docker-executable-name", dockerStandIn().toString());
                setUnlessConfigured(
                        "quarkus.jib.docker-environment." + TAR_ENV,
                        imageTar.toPath().toAbsolutePath().toString());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot configure the image build: " + e.getMessage(), e);
        }
        if (System.getenv(GIT_SHA) == null && System.getProperty(GIT_SHA) == null) {
            gitCommit().ifPresent(sha -> System.setProperty(GIT_SHA, sha));
        }
    }

    private void setUnlessConfigured(String key, String value) {
        Optional<String> configured = configured(key);
        if (configured.isPresent()) {
            getLog().info(key + " is configured: " + configured.get());
        } else {
            project.getProperties().setProperty(key, value);
        }
    }

    private Path dockerStandIn() throws IOException {
        Path docker = Files.createDirectories(baseImageLink().getParent()).resolve("docker");
        try (InputStream script = ConfigureJibMojo.class.getResourceAsStream("docker")) {
            if (script == null) {
                throw new IOException("the plugin has no docker stand-in script");
            }
            Files.copy(script, docker, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        return docker;
    }

    private Optional<String> gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(project.getBasedir())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                return Optional.of(out);
            }
            getLog().warn("git rev-parse HEAD failed (" + out + "): the image's revision label stays 'unknown'");
        } catch (IOException e) {
            getLog().warn("git is not available (" + e.getMessage() + "): the image's revision label stays 'unknown'");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
