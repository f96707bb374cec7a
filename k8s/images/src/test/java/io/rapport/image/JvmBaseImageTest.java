package io.rapport.image;

import static io.rapport.image.TestDebs.Entry.dir;
import static io.rapport.image.TestDebs.Entry.executable;
import static io.rapport.image.TestDebs.Entry.file;
import static io.rapport.image.TestDebs.Entry.hardlink;
import static io.rapport.image.TestDebs.Entry.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The base image end to end, from a Debian archive served on a loopback port. */
class JvmBaseImageTest {
    private static final RootFilesystem.User USER = new RootFilesystem.User("jboss", 185);

    @TempDir
    Path cache;

    FakeDebianArchive archive;
    JvmBaseImage.Settings settings;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void publish() throws Exception {
        archive = new FakeDebianArchive();
        String pem = new String(
                TruststoreTest.somePemCertificates().values().iterator().next(), StandardCharsets.US_ASCII);
        Map<String, byte[]> release = new LinkedHashMap<>();
        release.put(
                "fake-jre",
                TestDebs.deb(
                        TestDebs.control("fake-jre", "17.0.1-1", "libfake (>= 1.0), ca-certs | other-ca"),
                        TestDebs.tree(
                                dir("./usr/"),
                                dir("./usr/lib/"),
                                dir("./usr/lib/jvm/"),
                                dir("./usr/lib/jvm/fake-17/"),
                                dir("./usr/lib/jvm/fake-17/bin/"),
                                executable("./usr/lib/jvm/fake-17/bin/java", "#!java"),
                                dir("./usr/lib/jvm/fake-17/lib/"),
                                dir("./usr/lib/jvm/fake-17/lib/security/"),
                                symlink("./usr/lib/jvm/fake-17/lib/security/cacerts", "/etc/ssl/certs/java/cacerts"),
                                dir("./usr/share/"),
                                dir("./usr/share/doc/"),
                                dir("./usr/share/doc/fake-jre/"),
                                file("./usr/share/doc/fake-jre/copyright", "GPL-2 with Classpath exception"),
                                file("./usr/share/doc/fake-jre/changelog.Debian.gz", "changes"),
                                dir("./usr/share/man/"),
                                dir("./usr/share/man/man1/"),
                                file("./usr/share/man/man1/java.1.gz", "manual"))));
        release.put(
                "libfake",
                TestDebs.deb(
                        TestDebs.control("libfake", "1.0-1", ""),
                        TestDebs.tree(
                                dir("./lib/"),
                                dir("./lib/x86_64-linux-gnu/"),
                                file("./lib/x86_64-linux-gnu/libfake.so.1", "old"))));
        release.put(
                "ca-certs",
                TestDebs.deb(
                        TestDebs.control("ca-certs", "1", ""),
                        TestDebs.tree(
                                dir("./usr/"),
                                dir("./usr/share/"),
                                dir("./usr/share/ca-certificates/"),
                                dir("./usr/share/ca-certificates/mozilla/"),
                                file("./usr/share/ca-certificates/mozilla/Test_Root.crt", pem))));
        release.put("other-ca", TestDebs.deb(TestDebs.control("other-ca", "1", ""), TestDebs.tree()));
        archive.publish("bookworm", release);
        archive.publish(
                "bookworm-security",
                Map.of(
                        "libfake",
                        TestDebs.deb(
                                TestDebs.control("libfake", "1.0-1+deb12u1", ""),
                                TestDebs.tree(
                                        dir("./lib/"),
                                        dir("./lib/x86_64-linux-gnu/"),
                                        file("./lib/x86_64-linux-gnu/libfake.so.1", "patched"),
                                        symlink("./lib/x86_64-linux-gnu/libfake.so", "libfake.so.1"),
                                        symlink("./lib/x86_64-linux-gnu/libcompat.so", "../../usr/lib/compat.so"),
                                        hardlink(
                                                "./lib/x86_64-linux-gnu/libfake-same.so.1",
                                                "./lib/x86_64-linux-gnu/libfake.so.1"),
                                        dir("./lib64/"),
                                        symlink("./lib64/ld-fake.so", "/lib/x86_64-linux-gnu/libfake.so.1")))));
        settings = new JvmBaseImage.Settings(
                List.of(
                        new DebianArchive.Suite(archive.base(), "bookworm"),
                        new DebianArchive.Suite(archive.base(), "bookworm-security")),
                "main",
                "amd64",
                List.of("fake-jre"),
                USER);
    }

    @AfterEach
    void stop() {
        archive.close();
    }

    private JvmBaseImage.Image ensure(Path cacheDir, Duration maxAge, boolean offline) throws IOException {
        return JvmBaseImage.ensure(
                new DebianArchive(cacheDir, maxAge, offline, log::add), cacheDir, settings, log::add);
    }

    @Test
    void makesARunnableLayoutFromTheClosureOfThePackages() throws Exception {
        JvmBaseImage.Image image = ensure(cache, Duration.ofHours(1), false);
        Image read = Image.read(image.tar());

        assertThat(image.reused()).isFalse();
        assertThat(image.packageCount()).isEqualTo(3);
        JsonNode config = read.config().path("config");
        assertThat(config.path("User").asText()).isEqualTo("185");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/home/jboss");
        assertThat(config.path("Env").toString()).contains("JAVA_HOME=/usr/lib/jvm/fake-17", "PATH=/usr/local/sbin:");
        assertThat(read.config().path("rootfs").path("diff_ids").get(0).asText())
                .isEqualTo("sha256:" + FakeDebianArchive.sha256(read.uncompressedLayer()));

        Map<String, TarArchiveEntry> files = read.entries();
        // merged /usr, the newest version of each package, relative links still pointing where the package meant
        assertThat(read.content("usr/lib/x86_64-linux-gnu/libfake.so.1")).isEqualTo("patched");
        assertThat(files.get("lib").getLinkName()).isEqualTo("usr/lib");
        assertThat(files.get("lib64").getLinkName()).isEqualTo("usr/lib64");
        assertThat(files).doesNotContainKeys("lib/x86_64-linux-gnu/libfake.so.1", "bin", "sbin");
        assertThat(files.get("usr/lib/x86_64-linux-gnu/libfake.so").getLinkName())
                .isEqualTo("libfake.so.1");
        assertThat(files.get("usr/lib/x86_64-linux-gnu/libcompat.so").getLinkName())
                .isEqualTo("../compat.so");
        assertThat(files.get("usr/lib64/ld-fake.so").getLinkName()).isEqualTo("/lib/x86_64-linux-gnu/libfake.so.1");
        assertThat(files.get("usr/lib/x86_64-linux-gnu/libfake-same.so.1").getLinkName())
                .isEqualTo("usr/lib/x86_64-linux-gnu/libfake.so.1");
        // what maintainer scripts would have made: user, java on the PATH, trust store, dpkg status
        assertThat(read.content("etc/passwd")).contains("jboss:x:185:185:Rapport service:/home/jboss:");
        assertThat(read.content("etc/group")).contains("jboss:x:185:");
        assertThat(files.get("home/jboss").getLongUserId()).isEqualTo(185);
        assertThat(files.get("tmp").getMode() & 07777).isEqualTo(01777);
        assertThat(files.get("usr/bin/java").getLinkName()).isEqualTo("/usr/lib/jvm/fake-17/bin/java");
        assertThat(files.get("usr/lib/jvm/fake-17/bin/java").getMode() & 0777).isEqualTo(0755);
        KeyStore cacerts = KeyStore.getInstance("JKS");
        cacerts.load(new ByteArrayInputStream(read.bytes("etc/ssl/certs/java/cacerts")), "changeit".toCharArray());
        assertThat(cacerts.size()).isEqualTo(1);
        assertThat(read.content("etc/ssl/certs/ca-certificates.crt")).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(read.content("var/lib/dpkg/status"))
                .contains(
                        "Package: libfake\nStatus: install ok installed\nVersion: 1.0-1+deb12u1",
                        "Package: fake-jre\nStatus: install ok installed",
                        "Package: ca-certs\nStatus: install ok installed");
        // documentation other than copyright is left out
        assertThat(files)
                .containsKey("usr/share/doc/fake-jre/copyright")
                .doesNotContainKeys(
                        "usr/share/doc/fake-jre/changelog.Debian.gz", "usr/share/man/man1/java.1.gz", "usr/share/man");
    }

    @Test
    void laterBuildsReuseTheImageAndDownloadNothing() throws Exception {
        JvmBaseImage.Image first = ensure(cache, Duration.ofHours(1), false);
        int requests = archive.requests().size();

        JvmBaseImage.Image again = ensure(cache, Duration.ofHours(1), false);
        assertThat(again.reused()).isTrue();
        assertThat(again.tar()).isEqualTo(first.tar());
        assertThat(archive.requests()).hasSize(requests);

        // an expired index is checked against the release file, and not downloaded again when it is unchanged
        JvmBaseImage.Image checked = ensure(cache, Duration.ZERO, false);
        assertThat(checked.tar()).isEqualTo(first.tar());
        assertThat(archive.requests().subList(requests, archive.requests().size()))
                .allMatch(path -> path.endsWith("/InRelease"))
                .hasSize(2);

        // offline builds use the cache whatever its age
        assertThat(ensure(cache, Duration.ZERO, true).tar()).isEqualTo(first.tar());
    }

    @Test
    void theSamePackagesGiveTheSameImage(@TempDir Path otherCache) throws Exception {
        Path a = ensure(cache, Duration.ofHours(1), false).tar();
        Path b = ensure(otherCache, Duration.ofHours(1), false).tar();

        assertThat(a.getFileName()).isEqualTo(b.getFileName());
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void aPackageThatDoesNotMatchTheIndexIsRejected() throws Exception {
        archive.replace(
                "fake-jre_bookworm.deb", TestDebs.deb(TestDebs.control("fake-jre", "17.0.1-1", ""), TestDebs.tree()));

        assertThatThrownBy(() -> ensure(cache, Duration.ofHours(1), false))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SHA256");
        assertThat(cache.resolve("images")).isEmptyDirectory();
    }

    @Test
    void anOfflineBuildWithoutCacheSaysWhatToDo() {
        assertThatThrownBy(() -> ensure(cache, Duration.ofHours(1), true))
                .hasMessageContaining("offline")
                .hasMessageContaining("-Dquarkus.container-image.build=false");
        assertThat(archive.requests()).isEmpty();
    }

    @Test
    void twoPackagesShippingTheSameFileAreAConflict() throws Exception {
        archive.publish(
                "bookworm",
                Map.of(
                        "fake-jre",
                                TestDebs.deb(
                                        TestDebs.control("fake-jre", "1", "other"),
                                        TestDebs.tree(dir("./etc/"), file("./etc/java.conf", "a"))),
                        "other",
                                TestDebs.deb(
                                        TestDebs.control("other", "1", ""),
                                        TestDebs.tree(dir("./etc/"), file("./etc/java.conf", "b")))));
        settings = new JvmBaseImage.Settings(
                List.of(new DebianArchive.Suite(archive.base(), "bookworm")),
                "main",
                "amd64",
                List.of("fake-jre"),
                USER);

        assertThatThrownBy(() -> ensure(cache, Duration.ofHours(1), false))
                .hasMessageContaining("/etc/java.conf of other is already in the image (from fake-jre)");
    }

    @Test
    void packagesWithoutAJvmAreRefused() throws Exception {
        settings = new JvmBaseImage.Settings(settings.suites(), "main", "amd64", List.of("libfake"), USER);

        assertThatThrownBy(() -> ensure(cache, Duration.ofHours(1), false)).hasMessageContaining("contains a JVM");
    }

    /** A docker-archive read back. */
    record Image(JsonNode config, byte[] compressedLayer) {
        static Image read(Path tar) throws IOException {
            Map<String, byte[]> members = new HashMap<>();
            try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    members.put(e.getName(), in.readAllBytes());
                }
            }
            ObjectMapper json = new ObjectMapper();
            JsonNode manifest = json.readTree(members.get("manifest.json")).get(0);
            assertThat(manifest.path("Layers")).hasSize(1);
            return new Image(
                    json.readTree(members.get(manifest.path("Config").asText())),
                    members.get(manifest.path("Layers").get(0).asText()));
        }

        byte[] uncompressedLayer() throws IOException {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressedLayer))) {
                return in.readAllBytes();
            }
        }

        Map<String, TarArchiveEntry> entries() throws IOException {
            Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
            try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(uncompressedLayer()))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    assertThat(entries.put(e.getName().replaceAll("/$", ""), e))
                            .as("entries of %s", e.getName())
                            .isNull();
                }
            }
            return entries;
        }

        byte[] bytes(String path) throws IOException {
            try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(uncompressedLayer()))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (e.getName().equals(path)) {
                        return in.readAllBytes();
                    }
                }
            }
            throw new AssertionError(path + " is not in the layer");
        }

        String content(String path) throws IOException {
            return new String(bytes(path), StandardCharsets.UTF_8);
        }
    }
}
