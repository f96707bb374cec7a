package io.rapport.platform.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads RSA keys from PEM files: a public key in X.509 SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}), a private key
 * in PKCS#8 ({@code BEGIN PRIVATE KEY}). A location is a path, {@code file:<path>} or {@code classpath:<resource>}.
 */
public final class PemKeys {
    private PemKeys() {}

    public static PublicKey publicKey(String location) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(read(location))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("no RSA public key (PEM, BEGIN PUBLIC KEY) at " + location, e);
        }
    }

    public static PrivateKey privateKey(String location) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(read(location))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("no RSA private key (PEM, PKCS#8, BEGIN PRIVATE KEY) at " + location, e);
        }
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    }

    private static String read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
                try (InputStream in =
                        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("no resource " + resource + " on the class path");
                    }
                    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
            String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
            return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the key at " + location + ": " + e.getMessage(), e);
        }
    }
}
