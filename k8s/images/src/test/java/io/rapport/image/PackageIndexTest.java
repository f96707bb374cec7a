package io.rapport.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageIndexTest {
    private static final String INDEX = """
            Package: openjdk-17-jre-headless
            Version: 17.0.21.1+2-1~deb12u1
            Architecture: amd64
            Pre-Depends: libc6 (>= 2.34)
            Depends: ca-certificates-java (>= 20190405~), java-common, libcups2,
             libfontconfig1 | libfontconfig1-dbg:any, zlib1g (>= 1:1.1.4)
            Provides: java-runtime-headless (= 17), java2-runtime-headless
            Description: OpenJDK Java runtime
             a continuation line: with a colon
            Priority: optional
            Filename: pool/main/o/openjdk-17/openjdk-17-jre-headless_17.0.21.1+2-1~deb12u1_amd64.deb
            Size: 43987516
            SHA256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef

            Package: java-common
            Version: 0.74
            Architecture: all
            Filename: pool/main/j/java-common/java-common_0.74_all.deb
            Size: 6388
            SHA256: fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210

            Package: libc6
            Version: 2.36-9+deb12u7
            Architecture: arm64
            Filename: pool/main/g/glibc/libc6_2.36-9+deb12u7_arm64.deb
            Size: 1
            SHA256: aa
            """;

    @Test
    void readsStanzasOfTheArchitectureAndAll() throws Exception {
        List<DebPackage> packages = PackageIndex.read(
                new ByteArrayInputStream(INDEX.getBytes(StandardCharsets.UTF_8)),
                URI.create("https://deb.debian.org/debian"),
                "amd64");

        assertThat(packages).extracting(DebPackage::name).containsExactly("openjdk-17-jre-headless", "java-common");
        DebPackage jre = packages.get(0);
        assertThat(jre.version()).isEqualTo("17.0.21.1+2-1~deb12u1");
        assertThat(jre.depends())
                .containsExactly(
                        List.of("libc6"),
                        List.of("ca-certificates-java"),
                        List.of("java-common"),
                        List.of("libcups2"),
                        List.of("libfontconfig1", "libfontconfig1-dbg"),
                        List.of("zlib1g"));
        assertThat(jre.provides()).containsExactly("java-runtime-headless", "java2-runtime-headless");
        assertThat(jre.url())
                .hasToString("https://deb.debian.org/debian/pool/main/o/openjdk-17/"
                        + "openjdk-17-jre-headless_17.0.21.1+2-1~deb12u1_amd64.deb");
        assertThat(jre.size()).isEqualTo(43987516L);
        assertThat(jre.priorityRank()).isEqualTo(3);
        assertThat(packages.get(1).depends()).isEmpty();
    }

    @Test
    void controlFieldsKeepContinuationLines() {
        assertThat(PackageIndex.controlFields("Package: a\nDescription: short\n long\n"))
                .containsEntry("Package", "a")
                .containsEntry("Description", "short\n long");
    }

    @Test
    void releaseFileChecksumsAreReadFromTheSha256SectionOnly() {
        String release = """
                Codename: bookworm
                MD5Sum:
                 0ed6d4c8891eb86358b94bb35d9e4da4  1484322 main/binary-amd64/Packages.xz
                SHA256:
                 9e0b5aabb2465b3d2e7a7fe27f9913846277833f7a2826e7767acccff5b588c5  8790396 main/binary-amd64/Packages.xz
                 1111111111111111111111111111111111111111111111111111111111111111  10 main/binary-arm64/Packages.xz
                """;
        assertThat(DebianArchive.sha256Entries(release))
                .containsEntry(
                        "main/binary-amd64/Packages.xz",
                        new DebianArchive.Checksum(
                                "9e0b5aabb2465b3d2e7a7fe27f9913846277833f7a2826e7767acccff5b588c5", 8790396))
                .hasSize(2);
    }
}
