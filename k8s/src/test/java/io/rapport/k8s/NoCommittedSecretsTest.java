package io.rapport.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Credentials come from operators or the installer, never from the repository. */
class NoCommittedSecretsTest {
    /** A Secret object or generator, a PEM block, or a literal password / API key assignment. */
    private static final Pattern SECRET_MATERIAL = Pattern.compile(
            "(?m)^\\s*kind:\\s*Secret\\b|secretGenerator|stringData|-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----"
                    + "|(?i)\\b(password|passwd|api[_-]?key)\\b[ \\t]*[=:][ \\t]*[^\\s$]{4,}");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noSecretIsRendered(Overlay overlay) {
        assertThat(overlay.rendered().ofKind("Secret"))
                .as("Secrets in %s", overlay)
                .isEmpty();
    }

    @Test
    void noManifestOrEnvFileContainsSecretMaterial() throws IOException {
        Path k8s = Repo.k8s();
        try (Stream<Path> files = Files.walk(k8s)) {
            List<String> offending = files.filter(Files::isRegularFile)
                    .filter(p -> !k8s.relativize(p).startsWith("target")
                            && !k8s.relativize(p).startsWith("src"))
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|env)$"))
                    .filter(p -> SECRET_MATERIAL.matcher(read(p)).find())
                    .map(p -> k8s.relativize(p).toString())
                    .toList();
            assertThat(offending).as("files under k8s/ with secret material").isEmpty();
        }
    }

    @Test
    void theReadmeShowsHowToCreateEveryInstallerProvidedSecret() {
        String readme = read(Repo.k8s().resolve("README.md"));
        GeneratedSecrets.INSTALLER_PROVIDED.forEach((name, keys) -> {
            Pattern create = Pattern.compile("kubectl (-n \\S+ )?create secret generic " + Pattern.quote(name) + "\\b");
            assertThat(create.matcher(readme).find())
                    .as("k8s/README.md shows 'kubectl create secret generic %s'", name)
                    .isTrue();
            keys.forEach(key -> assertThat(readme.contains("--from-file=" + key + "=")
                            || readme.contains("--from-literal=" + key + "="))
                    .as("k8s/README.md sets key %s of Secret %s", key, name)
                    .isTrue());
        });
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
