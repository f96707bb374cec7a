package io.rapport.k8s;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Renders a kustomization with {@code kubectl kustomize} (the kustomize built into kubectl, no cluster needed). */
final class Kustomize {
    private static final long TIMEOUT_SECONDS = 60;
    private static final String MISSING =
            "kubectl not found on the PATH (nor $KUBECTL): the Kubernetes manifests were NOT "
                    + "rendered or checked. Install kubectl >= 1.27 to run these checks.";
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private Kustomize() {}

    /** The kubectl to use: {@code $KUBECTL} if set, else the first {@code kubectl} on the PATH. */
    static Optional<Path> kubectl() {
        String explicit = System.getenv("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Skips the calling test (JUnit assumption) with a clear message when kubectl is not installed. */
    static Path requireKubectl() {
        Optional<Path> kubectl = kubectl();
        if (kubectl.isEmpty() && !WARNED.getAndSet(true)) {
            System.err.println("WARNING rapport-k8s: " + MISSING); // visible even in quiet (-q) builds
        }
        assumeTrue(kubectl.isPresent(), MISSING);
        return kubectl.get();
    }

    /** The rendered YAML of the kustomization in {@code dir}; fails with kubectl's error output if it does not render. */
    static String render(Path dir) {
        Path kubectl = requireKubectl();
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(
                            "kubectl kustomize " + dir + " took longer than " + TIMEOUT_SECONDS + " s");
                }
                if (p.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + p.exitValue() + "):\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        }
    }
}
