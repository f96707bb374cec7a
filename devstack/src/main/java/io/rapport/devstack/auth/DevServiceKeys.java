package io.rapport.devstack.auth;

import io.rapport.devstack.ProjectDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Base64;

/**
 * The dev key pairs of services that call others on their own behalf, next to the gateway's service-token pair in
 * {@code .rapport/service-jwt/}: {@code engagement-private.pem} (engagement-service signs its send-time reads with
 * it) and {@code engagement-public.pem} (customer-service and segmentation-service trust it in their dev profile).
 * Never the gateway's pair: a service holding the gateway's key could speak for any person.
 *
 * <p>{@code java -cp ... io.rapport.devstack.auth.DevServiceKeys [engagement ...]} creates the missing pairs (./crm up
 * runs it before starting the services) and prints the public key files.
 */
public final class DevServiceKeys {
    /** The services with a key pair of their own (file prefix: the name without "-service"). */
    static final String[] SERVICES = {"engagement"};

    private DevServiceKeys() {}

    public static void main(String[] args) throws IOException {
        for (String service : args.length == 0 ? SERVICES : args) {
            System.out.println(ensure(service));
        }
    }

    public static Path dir() {
        return ProjectDirs.rapportDir().resolve("service-jwt");
    }

    /** Creates {@code <service>-private.pem} and {@code <service>-public.pem} unless both exist; returns the public one. */
    public static synchronized Path ensure(String service) throws IOException {
        Path dir = ProjectDirs.create(dir());
        Path privateFile = dir.resolve(service + "-private.pem");
        Path publicFile = dir.resolve(service + "-public.pem");
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return publicFile;
        }
        KeyPair pair = TestServiceTokens.untrustedKeyPair();
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the file keeps the default permissions
        }
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return publicFile;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
