package io.rapport.image;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * A Debian archive served over HTTP on a free loopback port: {@code dists/<suite>/InRelease} with the SHA256 of
 * the Packages index, the index itself by path and by hash, and the packages under pool/. Counts requests.
 */
final class FakeDebianArchive implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

    FakeDebianArchive() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            byte[] body = files.get(path);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    URI base() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/debian");
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Publishes a suite of the given packages (name to .deb bytes). */
    void publish(String suite, Map<String, byte[]> debs) throws IOException {
        StringBuilder packages = new StringBuilder();
        for (Map.Entry<String, byte[]> deb : debs.entrySet()) {
            String control = controlOf(deb.getValue());
            String filename = "pool/main/" + deb.getKey() + "_" + suite + ".deb";
            files.put("/debian/" + filename, deb.getValue());
            packages.append(control.strip())
                    .append("\nPriority: optional\nFilename: ")
                    .append(filename)
                    .append("\nSize: ")
                    .append(deb.getValue().length)
                    .append("\nSHA256: ")
                    .append(sha256(deb.getValue()))
                    .append("\n\n");
        }
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (XZCompressorOutputStream out = new XZCompressorOutputStream(xz)) {
            out.write(packages.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] index = xz.toByteArray();
        String hash = sha256(index);
        files.put("/debian/dists/" + suite + "/main/binary-amd64/Packages.xz", index);
        files.put("/debian/dists/" + suite + "/main/binary-amd64/by-hash/SHA256/" + hash, index);
        files.put(
                "/debian/dists/" + suite + "/InRelease",
                ("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n"
                                + "Codename: " + suite + "\nAcquire-By-Hash: yes\nSHA256:\n " + hash + " "
                                + index.length
                                + " main/binary-amd64/Packages.xz\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces a published file's content (e.g. to corrupt a package). */
    void replace(String pathSuffix, byte[] content) {
        String key = files.keySet().stream()
                .filter(k -> k.endsWith(pathSuffix))
                .findFirst()
                .orElseThrow();
        files.put(key, content);
    }

    private static String controlOf(byte[] deb) throws IOException {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("fake", ".deb");
        try {
            java.nio.file.Files.write(tmp, deb);
            return DebFile.read(tmp, (entry, content) -> {});
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(DebianArchive.sha256().digest(bytes));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
