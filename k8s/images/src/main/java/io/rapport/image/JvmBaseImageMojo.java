package io.rapport.image;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Makes (or finds in the cache) Rapport's JVM base image, see {@link JvmBaseImage}, and links it where goal
 * {@code configure-jib} pointed Quarkus' {@code quarkus.jib.base-jvm-image}; removes the image file of an earlier
 * build, so that only this build's image can be found there afterwards. Does nothing for a base image configured
 * otherwise (e.g. {@code -Dquarkus.jib.base-jvm-image=registry.example.com/java:17}).
 */
@Mojo(name = "jvm-base-image", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class JvmBaseImageMojo extends ImageMojo {
    /** Downloads and base images; default $XDG_CACHE_HOME/rapport or ~/.cache/rapport. */
    @Parameter(property = "rapport.image.cache")
    private File cache;

    /** The Debian archive (e.g. https://snapshot.debian.org/archive/debian/20260701T000000Z for a fixed date). */
    @Parameter(property = "rapport.image.debian-mirror", defaultValue = "https://deb.debian.org/debian")
    private String debianMirror;

    /** The Debian security archive; "none" leaves security updates out (e.g. with a snapshot mirror). */
    @Parameter(
            property = "rapport.image.debian-security-mirror",
            defaultValue = "https://deb.debian.org/debian-security")
    private String debianSecurityMirror;

    @Parameter(property = "rapport.image.debian-suite", defaultValue = "bookworm")
    private String debianSuite;

    @Parameter(property = "rapport.image.architecture", defaultValue = "amd64")
    private String architecture;

    /** The packages the base image is made of (with their dependencies). */
    @Parameter(property = "rapport.image.packages", defaultValue = "openjdk-17-jre-headless,base-files")
    private List<String> packages;

    /** How long a downloaded Packages index is used before it is checked for updates (ISO-8601 duration). */
    @Parameter(property = "rapport.image.debian-index-max-age", defaultValue = "PT12H")
    private String debianIndexMaxAge;

    /** The non-root user of the base image (Quarkus' Jib images run as uid 185: quarkus.jib.user). */
    @Parameter(property = "rapport.image.user", defaultValue = "jboss")
    private String user;

    @Parameter(property = "rapport.image.uid", defaultValue = "185")
    private int uid;

    @Override
    public void execute() throws MojoExecutionException {
        if (!imageRequested()) {
            return;
        }
        try {
            Files.deleteIfExists(imageTar.toPath());
            Path link = baseImageLink();
            if (!configured(BASE_IMAGE).filter(("tar://" + link)::equals).isPresent()) {
                getLog().info("Base image configured elsewhere: "
                        + configured(BASE_IMAGE).orElse("Quarkus' default"));
                return;
            }
            Path image = baseImage();
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            try {
                Files.createSymbolicLink(link, image);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(image, link, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot make the JVM base image: " + e.getMessage(), e);
        }
    }

    private Path baseImage() throws IOException {
        Path cacheDir = cacheDirectory();
        DebianArchive archive =
                new DebianArchive(cacheDir, Duration.parse(debianIndexMaxAge), session.isOffline(), getLog()::info);
        DebianArchive.Suite release = new DebianArchive.Suite(URI.create(debianMirror), debianSuite);
        List<DebianArchive.Suite> suites = "none".equals(debianSecurityMirror)
                ? List.of(release)
                : List.of(
                        release, new DebianArchive.Suite(URI.create(debianSecurityMirror), debianSuite + "-security"));
        JvmBaseImage.Image image = JvmBaseImage.ensure(
                archive,
                cacheDir,
                new JvmBaseImage.Settings(suites, "main", architecture, packages, new RootFilesystem.User(user, uid)),
                getLog()::info);
        getLog().info("JVM base image " + image.tar() + " (" + image.packageCount() + " Debian packages"
                + (image.reused() ? ", cached)" : ")"));
        return image.tar();
    }

    private Path cacheDirectory() {
        if (cache != null) {
            return cache.toPath().toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("rapport");
    }
}
