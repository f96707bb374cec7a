package io.rapport.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The images the build wrote (target/jib-image.tar of every image module, by Jib without a Docker daemon) are the
 * ones the manifests run: non-root, sized from the container's memory limit, tagged with the version, labelled with
 * the commit, exposing the application's port.
 */
class ImageTest {
    private static final String REVISION = "org.opencontainers.image.revision";

    static Stream<Arguments> modules() {
        return ServiceModule.all().stream().map(m -> Arguments.of(m.dir(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void isTaggedWithTheNameAndVersionTheManifestsRun(String dir, ServiceModule module) {
        BuiltImage image = BuiltImage.of(module);

        assertThat(image.repoTags())
                .as("%s tags", image.tar())
                .anyMatch(t -> Pods.imageRepository(t).equals(module.imageRepository())
                        && Pods.imageTag(t).equals(Repo.projectVersion()));
        for (Overlay overlay : Overlay.values()) {
            JsonNode deployment = Pods.deploymentOf(module, overlay.rendered())
                    .orElseThrow(() -> new AssertionError(overlay + " runs no " + module.imageRepository()));
            String runs = Rendered.container(deployment).path("image").asText();
            assertThat(image.repoTags())
                    .as("%s runs %s", overlay, runs)
                    .anyMatch(t -> Pods.imageRepository(t).equals(Pods.imageRepository(runs))
                            && Pods.imageTag(t).equals(Pods.imageTag(runs)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void runsAsTheNonRootUserThePodsRunAs(String dir, ServiceModule module) {
        BuiltImage image = BuiltImage.of(module);
        String user = image.containerConfig().path("User").asText();

        assertThat(user).as("%s User", dir).matches("[0-9]+(:[0-9]+)?");
        int uid = Integer.parseInt(user.split(":")[0]);
        assertThat(uid).as("%s uid", dir).isPositive();
        assertThat(image.file("etc/passwd"))
                .as("%s /etc/passwd", dir)
                .hasValueSatisfying(passwd -> assertThat(passwd.lines())
                        .anyMatch(l -> l.split(":").length > 2 && l.split(":")[2].equals(String.valueOf(uid))));
        for (Overlay overlay : Overlay.values()) {
            JsonNode pod = Pods.deploymentOf(module, overlay.rendered())
                    .orElseThrow()
                    .path("spec")
                    .path("template")
                    .path("spec");
            JsonNode container = pod.path("containers").get(0);
            int runAs = container
                    .path("securityContext")
                    .path("runAsUser")
                    .asInt(pod.path("securityContext").path("runAsUser").asInt(-1));
            assertThat(runAs)
                    .as("%s runAsUser in %s = the image's user", dir, overlay)
                    .isEqualTo(uid);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void sizesTheHeapFromTheContainersMemoryLimit(String dir, ServiceModule module) {
        JsonNode config = BuiltImage.of(module).containerConfig();
        List<String> command = new ArrayList<>();
        config.path("Entrypoint").forEach(a -> command.add(a.asText()));
        config.path("Cmd").forEach(a -> command.add(a.asText()));
        config.path("Env").forEach(e -> {
            if (e.asText().startsWith("JAVA_TOOL_OPTIONS=") || e.asText().startsWith("JDK_JAVA_OPTIONS=")) {
                command.addAll(List.of(
                        e.asText().substring(e.asText().indexOf('=') + 1).split("\\s+")));
            }
        });

        assertThat(command)
                .as("%s java command", dir)
                .contains("java")
                .anySatisfy(a -> assertThat(a).matches("-XX:MaxRAMPercentage=([1-8][0-9]|9[0-5])(\\.[0-9]+)?"))
                .noneMatch(a -> a.startsWith("-Xmx")
                        || a.startsWith("-XX:MaxHeapSize")
                        || a.equals("-XX:-UseContainerSupport"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void exposesTheApplicationsPort(String dir, ServiceModule module) {
        JsonNode config = BuiltImage.of(module).containerConfig();
        String port = module.props().get("quarkus.http.port", Map.of()).orElse("8080");

        assertThat(config.path("ExposedPorts").has(port + "/tcp"))
                .as("%s exposes %s/tcp: %s", dir, port, config.path("ExposedPorts"))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void isLabelledWithTheCommitItWasBuiltFrom(String dir, ServiceModule module) throws Exception {
        String revision = BuiltImage.of(module)
                .containerConfig()
                .path("Labels")
                .path(REVISION)
                .asText();

        assertThat(revision).as("%s label %s", dir, REVISION).matches("[0-9a-f]{40}");
        gitKnowsCommit(revision)
                .ifPresent(known -> assertThat(known)
                        .as("%s: %s is a commit of this repository", dir, revision)
                        .isTrue());
    }

    /** Whether git knows the commit, or empty when git cannot tell (not installed, not a clone). */
    private static Optional<Boolean> gitKnowsCommit(String sha) throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "cat-file", "-e", sha + "^{commit}")
                    .directory(Repo.root().toFile())
                    .redirectErrorStream(true)
                    .start();
            git.getInputStream().readAllBytes();
            if (!git.waitFor(30, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            Process repo = new ProcessBuilder("git", "rev-parse", "--git-dir")
                    .directory(Repo.root().toFile())
                    .redirectErrorStream(true)
                    .start();
            repo.getInputStream().readAllBytes();
            return repo.waitFor(30, TimeUnit.SECONDS) && repo.exitValue() == 0
                    ? Optional.of(git.exitValue() == 0)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
