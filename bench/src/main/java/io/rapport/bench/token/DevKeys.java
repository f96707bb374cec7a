package io.rapport.bench.token;

import io.rapport.devstack.ProjectDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The development signing key pair under {@code <project root>/.rapport/dev-jwt/} ({@code private.pem} in
 * PKCS#8, {@code public.pem} in X.509 SubjectPublicKeyInfo, RSA 2048), created on first use. The gateway trusts
 * {@code public.pem} only in its dev profile.
 */
public final class DevKeys {
    private DevKeys() {}

    public static Path dir() {
        return ProjectDirs.rapportDir().resolve("dev-jwt");
    }

    /** Creates the pair unless both files exist; returns the directory. */
    public static synchronized Path ensure() throws IOException, GeneralSecurityException {
        return ensure(dir());
    }

    /**
     * The gateway's dev key pair for the service tokens it signs ({@code .rapport/service-jwt/}): the gateway's dev
     * profile signs with {@code private.pem}, every service's dev profile verifies with {@code public.pem}.
     */
    public static synchronized Path ensureServiceKeys() throws IOException, GeneralSecurityException {
        return ensure(ProjectDirs.rapportDir().resolve("service-jwt"));
    }

    private static Path ensure(Path dir) throws IOException, GeneralSecurityException {
        if (Files.exists(dir.resolve("private.pem")) && Files.exists(dir.resolve("public.pem"))) {
            return dir;
        }
        ProjectDirs.create(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path privateFile = dir.resolve("private.pem");
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the file keeps the default permissions
        }
        Files.writeString(
                dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return dir;
    }

    public static PrivateKey privateKey() throws IOException, GeneralSecurityException {
        return read(ensure().resolve("private.pem"));
    }

    /** The gateway's dev service-token signing key (for benchmarks that call a service directly). */
    public static PrivateKey servicePrivateKey() throws IOException, GeneralSecurityException {
        return read(ensureServiceKeys().resolve("private.pem"));
    }

    private static PrivateKey read(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
