package io.rapport.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations in the source tree: the k8s module reads the services' own configuration rather than copying it. */
final class Repo {
    private Repo() {}

    static Path root() {
        String prop = System.getProperty("rapport.project.root");
        Path root = prop != null && !prop.isBlank()
                ? Path.of(prop)
                : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("k8s"))
                && Files.isDirectory(Path.of("").toAbsolutePath().resolve("base"))) {
            root = Path.of("").toAbsolutePath().getParent();
        }
        return root.toAbsolutePath().normalize();
    }

    static Path k8s() {
        return root().resolve("k8s");
    }

    /** The version the build tags images with (the Maven project version, passed in by surefire). */
    static String projectVersion() {
        String v = System.getProperty("rapport.project.version");
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property rapport.project.version is not set (run through Maven)");
        }
        return v;
    }
}
