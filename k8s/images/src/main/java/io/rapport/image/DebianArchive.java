package io.rapport.image;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A Debian archive (deb.debian.org or any mirror, e.g. snapshot.debian.org for a pinned date) read over HTTPS with
 * a local cache: the Packages index is checked against the release file's SHA256 and kept for {@code maxAge};
 * every .deb is checked against the index's SHA256 and kept by that hash, so later builds download nothing.
 * The release file's OpenPGP signature is not verified: the archive is trusted through HTTPS.
 */
final class DebianArchive {
    /** A suite of an archive: {@code https://deb.debian.org/debian} + {@code bookworm}. */
    record Suite(URI base, String name) {
        URI resolve(String path) {
            String b = base.toString();
            return URI.create((b.endsWith("/") ? b : b + "/") + path);
        }
    }

    private static final int ATTEMPTS = 3;

    private final Path cache;
    private final Duration maxAge;
    private final boolean offline;
    private final Consumer<String> log;
    private final HttpClient http;

    DebianArchive(Path cache, Duration maxAge, boolean offline, Consumer<String> log) {
        this.cache = cache;
        this.maxAge = maxAge;
        this.offline = offline;
        this.log = log;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    /**
     * The Packages index (xz) of {@code component} for {@code architecture} in a suite: the cached one while it is
     * younger than {@code maxAge} (or the build is offline, or the archive cannot be reached), else a fresh one.
     */
    Path index(Suite suite, String component, String architecture) throws IOException {
        String key = (suite.base().getHost() + suite.base().getPath() + "_" + suite.name() + "_" + component + "_"
                        + architecture)
                .replaceAll("[^A-Za-z0-9._-]", "_");
        Path packages = cache.resolve("debian-index").resolve(key).resolve("Packages.xz");
        boolean fresh = Files.isRegularFile(packages)
                && Files.getLastModifiedTime(packages)
                        .toInstant()
                        .isAfter(Instant.now().minus(maxAge));
        if (!fresh && !offline) {
            try {
                refreshIndex(suite, component, architecture, packages);
            } catch (IOException e) {
                if (!Files.isRegularFile(packages)) {
                    throw e;
                }
                log.accept("WARNING: could not refresh the Debian index of " + suite + " (" + e.getMessage()
                        + "); using the cached one from " + Files.getLastModifiedTime(packages));
            }
        }
        if (!Files.isRegularFile(packages)) {
            throw new IOException("no cached Debian index for " + suite.resolve("dists/" + suite.name())
                    + " and the build is offline: run it once online, or skip images with"
                    + " -Dquarkus.container-image.build=false");
        }
        return packages;
    }

    /** The packages of an index file for {@code architecture} (and "all"). */
    static List<DebPackage> packages(Path index, Suite suite, String architecture) throws IOException {
        try (InputStream in = new XZCompressorInputStream(Files.newInputStream(index))) {
            return PackageIndex.read(in, suite.base(), architecture);
        }
    }

    /** The verified .deb of a package, downloaded once. */
    List<Path> debs(List<DebPackage> packages) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (DebPackage p : packages) {
                futures.add(pool.submit(() -> deb(p)));
            }
            List<Path> paths = new ArrayList<>();
            for (Future<Path> f : futures) {
                paths.add(f.get());
            }
            return paths;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading Debian packages", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Path deb(DebPackage p) throws IOException {
        Path file = cache.resolve("debs").resolve(p.sha256() + ".deb");
        if (Files.isRegularFile(file) && sha256(file).equals(p.sha256())) {
            return file;
        }
        if (offline) {
            throw new IOException(
                    p.name() + " " + p.version() + " is not in the cache (" + file + ") and the build is offline");
        }
        download(p.url(), file, p.sha256(), p.size());
        return file;
    }

    private void refreshIndex(Suite suite, String component, String architecture, Path packages) throws IOException {
        String release = new String(get(suite.resolve("dists/" + suite.name() + "/InRelease")), StandardCharsets.UTF_8);
        String path = component + "/binary-" + architecture + "/Packages.xz";
        Checksum expected = sha256Entries(release).get(path);
        if (expected == null) {
            throw new IOException("the release file of " + suite + " lists no " + path);
        }
        if (Files.isRegularFile(packages) && sha256(packages).equals(expected.sha256())) {
            Files.setLastModifiedTime(packages, FileTime.from(Instant.now()));
            return;
        }
        boolean byHash = release.lines().anyMatch(l -> l.trim().equalsIgnoreCase("Acquire-By-Hash: yes"));
        URI uri = suite.resolve("dists/" + suite.name() + "/"
                + (byHash ? component + "/binary-" + architecture + "/by-hash/SHA256/" + expected.sha256() : path));
        log.accept("Debian index " + uri);
        download(uri, packages, expected.sha256(), expected.size());
    }

    record Checksum(String sha256, long size) {}

    /** The SHA256 section of a Release/InRelease file: path to checksum. */
    static Map<String, Checksum> sha256Entries(String release) {
        Map<String, Checksum> entries = new HashMap<>();
        boolean inSection = false;
        for (String line : release.split("\n")) {
            if (!line.startsWith(" ")) {
                inSection = line.startsWith("SHA256:");
                continue;
            }
            if (inSection) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3) {
                    entries.put(f[2], new Checksum(f[0], Long.parseLong(f[1])));
                }
            }
        }
        return entries;
    }

    private void download(URI uri, Path target, String sha256, long size) throws IOException {
        Files.createDirectories(target.getParent());
        Path part =
                Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            IOException last = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    HttpResponse<Path> response = http.send(request(uri), HttpResponse.BodyHandlers.ofFile(part));
                    if (response.statusCode() != 200) {
                        throw new IOException("GET " + uri + ": HTTP " + response.statusCode());
                    }
                    String actual = sha256(part);
                    if (!actual.equals(sha256) || Files.size(part) != size) {
                        throw new IOException("GET " + uri + ": SHA256 " + actual + " (" + Files.size(part)
                                + " bytes), the index says " + sha256 + " (" + size + " bytes)");
                    }
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return;
                } catch (IOException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted: GET " + uri, e);
                }
            }
            throw last;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private byte[] get(URI uri) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(request(uri), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                last = new IOException("GET " + uri + ": HTTP " + response.statusCode());
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted: GET " + uri, e);
            }
        }
        throw last;
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(5))
                .header("User-Agent", "rapport-image-maven-plugin")
                .GET()
                .build();
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
