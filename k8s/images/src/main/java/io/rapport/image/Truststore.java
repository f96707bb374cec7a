package io.rapport.image;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JVM's default trust store ({@code /etc/ssl/certs/java/cacerts}, which Debian's OpenJDK links to), made from
 * the CA certificates of Debian's ca-certificates package. Debian generates it in ca-certificates-java's maintainer
 * script, which an image made without running packages' scripts does not run. Written in the JKS format by hand
 * so that the same certificates always give the same bytes (KeyStore.store stamps entries with the current time).
 */
final class Truststore {
    /** The password Java's cacerts conventionally has (it protects only the store's integrity, not secrets). */
    static final String PASSWORD = "changeit";

    private static final int MAGIC = 0xFEEDFEED;
    private static final int VERSION = 2;
    private static final int TRUSTED_CERT = 2;

    private Truststore() {}

    /** A JKS store of the given PEM certificates (alias: lower-case key of the map). */
    static byte[] jks(Map<String, byte[]> pemByName) throws IOException {
        Map<String, Certificate> certificates = new TreeMap<>();
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Map.Entry<String, byte[]> e : pemByName.entrySet()) {
                List<? extends Certificate> found =
                        List.copyOf(x509.generateCertificates(new ByteArrayInputStream(e.getValue())));
                String alias = e.getKey().toLowerCase(Locale.ROOT);
                for (int i = 0; i < found.size(); i++) {
                    certificates.put(i == 0 ? alias : alias + "-" + i, found.get(i));
                }
            }
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            for (char c : PASSWORD.toCharArray()) {
                md.update((byte) (c >> 8));
                md.update((byte) c);
            }
            md.update("Mighty Aphrodite".getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(new DigestOutputStream(bytes, md));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(certificates.size());
            for (Map.Entry<String, Certificate> e : certificates.entrySet()) {
                byte[] encoded = e.getValue().getEncoded();
                out.writeInt(TRUSTED_CERT);
                out.writeUTF(e.getKey());
                out.writeLong(0L);
                out.writeUTF(e.getValue().getType());
                out.writeInt(encoded.length);
                out.write(encoded);
            }
            out.flush();
            bytes.write(md.digest());
            return bytes.toByteArray();
        } catch (CertificateException | NoSuchAlgorithmException e) {
            throw new IOException("cannot build the trust store: " + e.getMessage(), e);
        }
    }
}
