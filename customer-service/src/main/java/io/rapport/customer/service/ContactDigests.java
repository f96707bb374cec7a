package io.rapport.customer.service;

import io.rapport.customer.config.CustomerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed one-way digests of contact points for customer events ({@code email:<b64url>}, {@code phone:<b64url>}), so a
 * consumer can tell two customers share an e-mail or phone without the event carrying either. Values are already
 * normalised (e-mails lower case, phones E.164). Without a key (rapport.customer.contact-digest-key) there are none.
 */
@ApplicationScoped
public class ContactDigests {
    static final int MIN_KEY_LENGTH = 32;

    private final Optional<SecretKeySpec> key;

    public ContactDigests(CustomerConfig config) {
        this.key = config.contactDigestKey().filter(k -> !k.isBlank()).map(k -> {
            if (k.length() < MIN_KEY_LENGTH) {
                throw new IllegalStateException(
                        "rapport.customer.contact-digest-key must have at least " + MIN_KEY_LENGTH + " characters");
            }
            return new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        });
    }

    /** The digests of the given e-mails and phones, or null when no key is configured. */
    public List<String> of(Collection<String> emails, Collection<String> phones) {
        if (key.isEmpty()) {
            return null;
        }
        return java.util.stream.Stream.concat(
                        emails.stream().map(e -> "email:" + digest("email:" + e)),
                        phones.stream().map(p -> "phone:" + digest("phone:" + p)))
                .distinct()
                .sorted()
                .toList();
    }

    private String digest(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.orElseThrow());
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
