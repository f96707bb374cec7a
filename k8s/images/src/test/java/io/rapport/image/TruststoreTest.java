package io.rapport.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TruststoreTest {
    /** Two CA certificates of the JDK running the test, as PEM. */
    static Map<String, byte[]> somePemCertificates() throws Exception {
        KeyStore jdk = KeyStore.getInstance(
                new File(System.getProperty("java.home"), "lib/security/cacerts"), "changeit".toCharArray());
        List<String> aliases =
                Collections.list(jdk.aliases()).stream().sorted().limit(2).toList();
        Map<String, byte[]> pems = new LinkedHashMap<>();
        for (String alias : aliases) {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(jdk.getCertificate(alias).getEncoded());
            pems.put(
                    "Cert_" + pems.size() + ".pem",
                    ("-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n")
                            .getBytes(StandardCharsets.US_ASCII));
        }
        return pems;
    }

    @Test
    void theJvmLoadsTheStoreWithItsDefaultPasswordAndTrustsEveryCertificate() throws Exception {
        Map<String, byte[]> pems = somePemCertificates();

        KeyStore store = KeyStore.getInstance("JKS");
        store.load(new ByteArrayInputStream(Truststore.jks(pems)), Truststore.PASSWORD.toCharArray());

        assertThat(Collections.list(store.aliases())).containsExactlyInAnyOrder("cert_0.pem", "cert_1.pem");
        for (String alias : Collections.list(store.aliases())) {
            assertThat(store.isCertificateEntry(alias)).isTrue();
            Certificate c = store.getCertificate(alias);
            assertThat(c.getType()).isEqualTo("X.509");
        }
    }

    @Test
    void theSameCertificatesGiveTheSameBytes() throws Exception {
        Map<String, byte[]> pems = somePemCertificates();

        assertThat(Truststore.jks(pems)).isEqualTo(Truststore.jks(new LinkedHashMap<>(pems)));
    }
}
