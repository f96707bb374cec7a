package io.rapport.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * The root filesystem of the JVM base image as one layer: the data of the given Debian packages unpacked as dpkg
 * would (without running their maintainer scripts), laid out with merged /usr like Debian 12, plus what those
 * scripts would have generated and a Java program needs: /etc/passwd and /etc/group with the service user, the
 * {@code java} command, the JVM's CA trust store and dpkg's status file (so image scanners see the packages).
 * Manual pages, translations and documentation other than copyright files are left out.
 */
final class RootFilesystem {
    /** Top-level directories that are symlinks into /usr on a merged-/usr system. */
    static final List<String> MERGED = List.of("bin", "lib", "lib32", "lib64", "libx32", "sbin");

    private static final Set<String> DROPPED = Set.of("usr/share/man", "usr/share/info", "usr/share/locale");
    private static final Pattern JAVA = Pattern.compile("usr/lib/jvm/[^/]+/bin/java");
    private static final String MOZILLA_CERTS = "usr/share/ca-certificates/mozilla/";

    /** The non-root user the services run as. */
    record User(String name, int uid) {}

    /** @param javaHome absolute path of the JVM, if the packages contain one */
    record Result(LayerWriter.Result layer, Optional<String> javaHome) {}

    private final LayerWriter layer;
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, byte[]> caCertificates = new TreeMap<>();
    private final StringBuilder dpkgStatus = new StringBuilder();

    private RootFilesystem(LayerWriter layer) {
        this.layer = layer;
    }

    /** Writes the layer of {@code packages} (their .debs in the same order) to {@code file}. */
    static Result write(Path file, List<DebPackage> packages, List<Path> debs, User user) throws IOException {
        try (LayerWriter layer = new LayerWriter(file)) {
            RootFilesystem fs = new RootFilesystem(layer);
            fs.skeleton(user);
            for (int i = 0; i < packages.size(); i++) {
                fs.unpack(packages.get(i), debs.get(i));
            }
            Optional<String> javaHome = fs.finishing();
            return new Result(layer.finish(), javaHome);
        }
    }

    /**
     * The image path of a data.tar entry: without "./", with /bin, /lib... under /usr; null for the root itself.
     */
    static String imagePath(String tarName) {
        String p = tarName;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        p = p.replaceAll("^/+", "").replaceAll("/+$", "");
        if (p.isEmpty() || p.equals(".")) {
            return null;
        }
        int slash = p.indexOf('/');
        return MERGED.contains(slash < 0 ? p : p.substring(0, slash)) ? "usr/" + p : p;
    }

    /** Whether a path is left out of the image (documentation, manual pages, translations). */
    static boolean dropped(String path) {
        for (String d : DROPPED) {
            if (path.equals(d) || path.startsWith(d + "/")) {
                return true;
            }
        }
        if (path.startsWith("usr/share/doc/")) {
            String[] rest = path.substring("usr/share/doc/".length()).split("/");
            return !(rest.length == 1 || (rest.length == 2 && rest[1].equals("copyright")));
        }
        return false;
    }

    private void skeleton(User user) throws IOException {
        for (String dir : List.of("etc", "home", "usr", "var")) {
            layer.directory(dir, 0755, 0, 0, Instant.EPOCH);
        }
        layer.directory("root", 0700, 0, 0, Instant.EPOCH);
        layer.directory("tmp", 01777, 0, 0, Instant.EPOCH);
        layer.directory("home/" + user.name(), 0755, user.uid(), user.uid(), Instant.EPOCH);
        String nologin = "/usr/sbin/nologin";
        layer.file(
                "etc/passwd",
                0644,
                ("root:x:0:0:root:/root:" + nologin + "\n"
                                + user.name() + ":x:" + user.uid() + ":" + user.uid() + ":Rapport service:/home/"
                                + user.name() + ":"
                                + nologin + "\n"
                                + "nobody:x:65534:65534:nobody:/nonexistent:" + nologin + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        layer.file(
                "etc/group",
                0644,
                ("root:x:0:\n" + user.name() + ":x:" + user.uid() + ":\nnogroup:x:65534:\n")
                        .getBytes(StandardCharsets.UTF_8));
        owners.put("etc/passwd", "the image");
        owners.put("etc/group", "the image");
    }

    private void unpack(DebPackage pkg, Path deb) throws IOException {
        String control = DebFile.read(deb, (entry, content) -> add(pkg, entry, content));
        String stanza = control.strip();
        int firstLineEnd = stanza.indexOf('\n');
        dpkgStatus
                .append(firstLineEnd < 0 ? stanza : stanza.substring(0, firstLineEnd))
                .append("\nStatus: install ok installed")
                .append(firstLineEnd < 0 ? "" : stanza.substring(firstLineEnd))
                .append("\n\n");
    }

    private void add(DebPackage pkg, TarArchiveEntry entry, InputStream content) throws IOException {
        String path = imagePath(entry.getName());
        if (path == null || dropped(path)) {
            return;
        }
        int mode = entry.getMode() & 07777;
        long uid = entry.getLongUserId();
        long gid = entry.getLongGroupId();
        Instant mtime = entry.getModTime().toInstant();
        LayerWriter.Kind existing = layer.kind(path);
        if (existing != null) {
            boolean sameDirectory = entry.isDirectory() && existing == LayerWriter.Kind.DIRECTORY;
            boolean sameSymlink = entry.isSymbolicLink()
                    && existing == LayerWriter.Kind.SYMLINK
                    && symlinkTarget(entry, path).equals(layer.symlinkTarget(path));
            if (sameDirectory || sameSymlink) {
                return;
            }
            throw new IOException(
                    "/" + path + " of " + pkg.name() + " is already in the image (from " + owners.get(path) + ")");
        }
        layer.parents(path);
        if (entry.isDirectory()) {
            layer.directory(path, mode, uid, gid, mtime);
        } else if (entry.isSymbolicLink()) {
            layer.symlink(path, symlinkTarget(entry, path), uid, gid, mtime);
        } else if (entry.isLink()) {
            layer.hardlink(path, imagePath(entry.getLinkName()), mode, uid, gid, mtime);
        } else if (entry.isFile()) {
            if (path.startsWith(MOZILLA_CERTS) && path.endsWith(".crt")) {
                byte[] pem = content.readAllBytes();
                caCertificates.put(path.substring(path.lastIndexOf('/') + 1), pem);
                content = new ByteArrayInputStream(pem);
            }
            layer.file(path, mode, uid, gid, mtime, content, entry.getSize());
        } else {
            throw new IOException(pkg.name() + " contains " + entry.getName() + ", neither file, directory nor link");
        }
        owners.put(path, pkg.name());
    }

    /**
     * A symlink's target from its image path: a relative target of an entry moved under /usr is resolved from where
     * the package put it and made relative to where it is now.
     */
    private static String symlinkTarget(TarArchiveEntry entry, String path) {
        String target = entry.getLinkName();
        String original =
                entry.getName().replaceAll("^(\\./)+", "").replaceAll("^/+", "").replaceAll("/+$", "");
        if (target.startsWith("/") || original.equals(path)) {
            return target;
        }
        String resolved = imagePath(
                Path.of("/" + original).getParent().resolve(target).normalize().toString());
        Path from = Path.of("/" + path).getParent();
        return from.relativize(Path.of("/" + (resolved == null ? "" : resolved)))
                .toString();
    }

    private Optional<String> finishing() throws IOException {
        for (String dir : MERGED) {
            if (layer.kind("usr/" + dir) == LayerWriter.Kind.DIRECTORY) {
                layer.symlink(dir, "usr/" + dir, 0, 0, Instant.EPOCH);
            }
        }
        Optional<String> java = layer.paths().stream()
                .filter(p -> JAVA.matcher(p).matches())
                .sorted()
                .findFirst();
        if (java.isPresent() && layer.kind("usr/bin/java") == null) {
            layer.parents("usr/bin/java");
            layer.symlink("usr/bin/java", "/" + java.get(), 0, 0, Instant.EPOCH);
        }
        if (!caCertificates.isEmpty()) {
            StringBuilder bundle = new StringBuilder();
            caCertificates
                    .values()
                    .forEach(pem -> bundle.append(new String(pem, StandardCharsets.US_ASCII).strip())
                            .append('\n'));
            put("etc/ssl/certs/ca-certificates.crt", bundle.toString().getBytes(StandardCharsets.US_ASCII));
            Map<String, byte[]> byAlias = new TreeMap<>();
            caCertificates.forEach((name, pem) -> byAlias.put("debian:" + name.replaceFirst("\\.crt$", ".pem"), pem));
            put("etc/ssl/certs/java/cacerts", Truststore.jks(byAlias));
        }
        put("var/lib/dpkg/status", dpkgStatus.toString().getBytes(StandardCharsets.UTF_8));
        return java.map(p -> "/" + p.substring(0, p.length() - "/bin/java".length()));
    }

    private void put(String path, byte[] content) throws IOException {
        if (layer.kind(path) != null) {
            throw new IOException("/" + path + " is generated for the image but " + owners.get(path) + " ships it");
        }
        layer.parents(path);
        layer.file(path, 0644, content);
    }
}
