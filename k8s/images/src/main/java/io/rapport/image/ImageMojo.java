package io.rapport.image;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What both goals share: whether Quarkus builds an image at all, and where their files go. */
abstract class ImageMojo extends AbstractMojo {
    static final String BASE_IMAGE = "quarkus.jib.base-jvm-image";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** Quarkus builds an image (with {@code push} false too: nothing to do). */
    @Parameter(property = "quarkus.container-image.build", defaultValue = "false")
    boolean build;

    /** Quarkus pushes the image to its registry instead of writing it to a file. */
    @Parameter(property = "quarkus.container-image.push", defaultValue = "false")
    boolean push;

    /** Where the image goes when it is not pushed (docker-archive; next to Quarkus' jib-image.digest/.id). */
    @Parameter(property = "rapport.image.tar", defaultValue = "${project.build.directory}/jib-image.tar")
    java.io.File imageTar;

    /** Whether Quarkus will build (or push) an image: -D, else the environment (as Quarkus reads it), else the POM. */
    boolean imageRequested() {
        if (!switchOn("quarkus.container-image.build", build) && !pushing()) {
            getLog().info("No container image requested (quarkus.container-image.build/push): nothing to prepare");
            return false;
        }
        return true;
    }

    boolean pushing() {
        return switchOn("quarkus.container-image.push", push);
    }

    private boolean switchOn(String key, boolean mavenValue) {
        String env = System.getenv(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        return session.getUserProperties().containsKey(key) || env == null ? mavenValue : Boolean.parseBoolean(env);
    }

    /** This module's link to the cached JVM base image, the {@code tar://} base Quarkus' Jib build reads. */
    Path baseImageLink() {
        return Path.of(project.getBuild().getDirectory(), "rapport-image", "jvm-base.tar")
                .toAbsolutePath();
    }

    /** A build property as Quarkus will see it: command line, environment, then the POM (and earlier goals). */
    Optional<String> configured(String key) {
        String env = key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
        return Optional.ofNullable(session.getUserProperties().getProperty(key))
                .or(() -> Optional.ofNullable(System.getenv(env)))
                .or(() -> Optional.ofNullable(project.getProperties().getProperty(key)));
    }
}
