package io.rapport.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code rest/} is the top layer: resources and request bodies. Nothing below it (service, registration, domain,
 * messaging, model, config) may use a class of {@code io.rapport.customer.rest}, neither by an import nor by a fully
 * qualified name (a JPQL constructor expression included). Checked twice: in the sources, and in the compiled classes'
 * constant pools, where every class a class refers to is named.
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/io/rapport/customer");
    private static final Path CLASSES = Path.of("target/classes/io/rapport/customer");

    @Test
    void noSourceOutsideRestNamesARestClass() throws IOException {
        assertThat(offenders(SOURCES, ".java", "io.rapport.customer.rest."))
                .as("sources outside rest/ naming io.rapport.customer.rest")
                .isEmpty();
    }

    @Test
    void noCompiledClassOutsideRestRefersToARestClass() throws IOException {
        assertThat(Files.isDirectory(CLASSES))
                .as("compiled classes at %s", CLASSES)
                .isTrue();
        assertThat(offenders(CLASSES, ".class", "io/rapport/customer/rest/"))
                .as("classes outside rest/ referring to io.rapport.customer.rest")
                .isEmpty();
    }

    @Test
    void theCheckFindsARestReference() throws IOException {
        Path dir = Files.createTempDirectory("layering");
        Path service = Files.createDirectories(dir.resolve("service"));
        Files.writeString(service.resolve("Leaky.java"), "import io.rapport.customer.rest.CustomerEntry;\n");
        Files.writeString(service.resolve("Clean.java"), "import io.rapport.customer.model.CustomerView;\n");
        Files.createDirectories(dir.resolve("rest"));
        Files.writeString(dir.resolve("rest/Resource.java"), "import io.rapport.customer.rest.CustomerEntry;\n");
        assertThat(offenders(dir, ".java", "io.rapport.customer.rest.")).containsExactly("service/Leaky.java");
    }

    /** Files below {@code root}, outside its {@code rest} folder, whose bytes contain {@code needle}. */
    static List<String> offenders(Path root, String suffix, String needle) throws IOException {
        Path rest = root.resolve("rest");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> !p.startsWith(rest))
                    .filter(p -> contains(p, needle))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static boolean contains(Path file, String needle) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(needle);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
