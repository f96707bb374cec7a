package io.rapport.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rapport's JVM base image, made from Debian packages without Docker, root or apt: the Pre-Depends/Depends closure
 * of the chosen packages (default: openjdk-17-jre-headless and base-files) from the current Packages indexes of the
 * release and its security updates, each .deb checked against the index's SHA256, unpacked into one layer (see
 * {@link RootFilesystem}) and written as a docker-archive. Kept in the cache under a key of exactly the packages
 * (name, version, SHA256) and the settings, so it is made again only when Debian publishes an update.
 */
final class JvmBaseImage {
    /** Changes whenever the way the image is made changes, so that older cached images are not reused. */
    static final int FORMAT = 1;

    private static final int KEEP = 3;

    record Settings(
            List<DebianArchive.Suite> suites,
            String component,
            String architecture,
            List<String> packages,
            RootFilesystem.User user) {}

    /** @param reused true when the cache already had it */
    record Image(Path tar, int packageCount, boolean reused) {}

    private JvmBaseImage() {}

    static Image ensure(DebianArchive archive, Path cache, Settings settings, Consumer<String> log) throws IOException {
        Path dir = Files.createDirectories(cache.resolve("images"));
        List<Path> indexes = new ArrayList<>();
        for (DebianArchive.Suite suite : settings.suites()) {
            indexes.add(archive.index(suite, settings.component(), settings.architecture()));
        }
        // Reading an index takes seconds: the image made from the same indexes is found without reading them.
        Path resolved = dir.resolve("resolved-" + resolutionKey(settings, indexes) + ".txt");
        if (Files.isRegularFile(resolved)) {
            Path tar = dir.resolve(Files.readString(resolved).strip());
            Path pins = packagesFile(tar);
            if (Files.isRegularFile(tar) && Files.isRegularFile(pins)) {
                touch(resolved, tar, pins);
                return new Image(
                        tar,
                        (int) Files.readAllLines(pins).stream()
                                .filter(l -> !l.isBlank())
                                .count(),
                        true);
            }
        }
        List<DebPackage> index = new ArrayList<>();
        for (int i = 0; i < indexes.size(); i++) {
            index.addAll(
                    DebianArchive.packages(indexes.get(i), settings.suites().get(i), settings.architecture()));
        }
        List<DebPackage> closure = new Resolver(index).closure(settings.packages());
        Path tar = dir.resolve("jvm-base-" + key(settings, closure) + ".tar");
        if (!Files.isRegularFile(tar) || !Files.isRegularFile(packagesFile(tar))) {
            make(archive, tar, settings, closure, log);
        }
        Files.writeString(resolved, tar.getFileName().toString());
        touch(resolved, tar, packagesFile(tar));
        prune(dir);
        return new Image(tar, closure.size(), false);
    }

    private static void make(
            DebianArchive archive, Path tar, Settings settings, List<DebPackage> closure, Consumer<String> log)
            throws IOException {
        log.accept("Making the JVM base image from " + closure.size() + " Debian packages ("
                + String.join(", ", settings.packages()) + " and their dependencies)");
        List<Path> debs = archive.debs(closure);
        Path work = Files.createTempDirectory(tar.getParent(), "making-");
        try {
            RootFilesystem.Result fs =
                    RootFilesystem.write(work.resolve("rootfs.tar.gz"), closure, debs, settings.user());
            String javaHome = fs.javaHome()
                    .orElseThrow(() -> new IOException("none of " + settings.packages()
                            + " and their dependencies contains a JVM (usr/lib/jvm/*/bin/java)"));
            String suites =
                    settings.suites().stream().map(DebianArchive.Suite::name).collect(Collectors.joining(", "));
            DockerArchive.Config config = new DockerArchive.Config(
                    settings.architecture(),
                    String.valueOf(settings.user().uid()),
                    "/home/" + settings.user().name(),
                    List.of(
                            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                            "JAVA_HOME=" + javaHome,
                            "LANG=C.UTF-8"),
                    Map.of(
                            "io.rapport.base-image",
                            "Debian " + suites + ": " + String.join(", ", settings.packages()) + " (" + closure.size()
                                    + " packages, see /var/lib/dpkg/status)"),
                    "rapport-image-maven-plugin: Debian " + suites + " " + String.join(" ", settings.packages()));
            String name = tar.getFileName().toString();
            DockerArchive.write(
                    work.resolve(name),
                    "rapport/jvm-base:" + name.replaceAll("^jvm-base-|\\.tar$", ""),
                    fs.layer(),
                    config);
            Files.writeString(packagesFile(tar), pins(closure));
            Files.move(work.resolve(name), tar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(work);
        }
    }

    private static String resolutionKey(Settings settings, List<Path> indexes) throws IOException {
        StringBuilder description = new StringBuilder(settings(settings));
        for (int i = 0; i < indexes.size(); i++) {
            description
                    .append("index ")
                    .append(settings.suites().get(i))
                    .append(' ')
                    .append(DebianArchive.sha256(indexes.get(i)))
                    .append('\n');
        }
        return shortHash(description.toString());
    }

    private static Path packagesFile(Path tar) {
        return tar.resolveSibling(tar.getFileName().toString().replaceFirst("\\.tar$", ".packages"));
    }

    private static void touch(Path... files) throws IOException {
        FileTime now = FileTime.from(Instant.now());
        for (Path f : files) {
            Files.setLastModifiedTime(f, now);
        }
    }

    /** What the image is made of: the format, the settings and every package's name, version and SHA256. */
    static String key(Settings settings, List<DebPackage> closure) {
        return shortHash(settings(settings) + pins(closure));
    }

    private static String settings(Settings settings) {
        return "format " + FORMAT + "\narchitecture " + settings.architecture() + "\ncomponent "
                + settings.component() + "\nuser " + settings.user().name() + " "
                + settings.user().uid()
                + "\nroots " + settings.packages() + "\n";
    }

    private static String shortHash(String text) {
        return HexFormat.of()
                .formatHex(DebianArchive.sha256().digest(text.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 20);
    }

    private static String pins(List<DebPackage> closure) {
        return closure.stream().map(DebPackage::pin).sorted().collect(Collectors.joining("\n", "", "\n"));
    }

    /** Keeps the most recently used images only. */
    private static void prune(Path dir) throws IOException {
        List<Path> images;
        try (Stream<Path> files = Files.list(dir)) {
            images = files.filter(p -> p.getFileName().toString().matches("jvm-base-[0-9a-f]+\\.tar"))
                    .sorted(Comparator.comparing(JvmBaseImage::modified).reversed())
                    .toList();
        }
        for (Path old : images.subList(Math.min(KEEP, images.size()), images.size())) {
            Files.deleteIfExists(old);
            Files.deleteIfExists(packagesFile(old));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path pointer : files.filter(p -> p.getFileName().toString().startsWith("resolved-"))
                    .toList()) {
                if (!Files.isRegularFile(dir.resolve(Files.readString(pointer).strip()))) {
                    Files.deleteIfExists(pointer);
                }
            }
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
