package io.rapport.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where devstack keeps its files: under the project's {@code .rapport/} folder, never /tmp. */
public final class ProjectDirs {
    private ProjectDirs() {}

    /**
     * The project root: system property {@code rapport.project.root} (the build sets it), else
     * {@code RAPPORT_HOME}, else the nearest parent of the working directory that holds {@code mvnw}.
     */
    public static Path projectRoot() {
        String prop = System.getProperty("rapport.project.root");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop).toAbsolutePath();
        }
        String env = System.getenv("RAPPORT_HOME");
        if (env != null && !env.isBlank()) {
            return Paths.get(env).toAbsolutePath();
        }
        Path dir = Paths.get("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw"))) {
                return p;
            }
        }
        return dir;
    }

    /** {@code .rapport/} under the project root, or {@code rapport.state.dir} (a second stack beside the first). */
    public static Path rapportDir() {
        String state = System.getProperty("rapport.state.dir");
        if (state != null && !state.isBlank()) {
            return Paths.get(state).toAbsolutePath();
        }
        return projectRoot().resolve(".rapport");
    }

    public static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: leftovers under .rapport/test are harmless and ignored by git
        }
    }
}
