package io.rapport.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who holds which service-token key: only the gateway mounts the gateway's private key (it speaks for people and
 * partners); engagement-service mounts its OWN private key for its send-time reads, and only customer-service and
 * segmentation-service mount engagement's public key, at the path their configuration reads it from.
 */
class ServiceTokenKeysTest {
    private static final String GATEWAY_PRIVATE = "gateway-service-token";
    private static final String ENGAGEMENT_PRIVATE = "engagement-service-token";
    private static final String ENGAGEMENT_PUBLIC = "engagement-service-token-public";

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachPrivateKeyIsMountedOnlyByItsOwnerAndEngagementsPublicKeyOnlyWhereItIsTrusted(Overlay overlay) {
        Rendered r = overlay.rendered();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(mountedBy(r, GATEWAY_PRIVATE))
                .as("Deployments mounting %s", GATEWAY_PRIVATE)
                .containsExactly("gateway");
        soft.assertThat(mountedBy(r, ENGAGEMENT_PRIVATE))
                .as("Deployments mounting %s", ENGAGEMENT_PRIVATE)
                .containsExactly("engagement-service");
        soft.assertThat(mountedBy(r, ENGAGEMENT_PUBLIC))
                .as("Deployments mounting %s", ENGAGEMENT_PUBLIC)
                .containsExactlyInAnyOrder("customer-service", "segmentation-service");

        JsonNode engagement = r.get("Deployment", "engagement-service");
        soft.assertThat(Pods.env(engagement, r).get("RAPPORT_ENGAGEMENT_TOKEN_PRIVATE_KEY_LOCATION"))
                .as("engagement signs with the key of %s", ENGAGEMENT_PRIVATE)
                .isEqualTo(fileOf(engagement, ENGAGEMENT_PRIVATE, "private.pem"));
        soft.assertThat(Pods.env(engagement, r))
                .as("engagement has no gateway signing key setting")
                .doesNotContainKey("RAPPORT_SERVICE_TOKEN_PRIVATE_KEY_LOCATION");
        for (String name : List.of("customer-service", "segmentation-service")) {
            JsonNode d = r.get("Deployment", name);
            soft.assertThat(Pods.env(d, r).get("RAPPORT_ENGAGEMENT_TOKEN_PUBLIC_KEY_LOCATION"))
                    .as("%s verifies engagement's tokens with the key of %s", name, ENGAGEMENT_PUBLIC)
                    .isEqualTo(fileOf(d, ENGAGEMENT_PUBLIC, "public.pem"));
        }
        soft.assertAll();
    }

    /** The Deployments (by name) with a volume of the Secret {@code secret}. */
    private static List<String> mountedBy(Rendered r, String secret) {
        List<String> names = new ArrayList<>();
        for (JsonNode d : r.deployments()) {
            for (JsonNode v : Rendered.podSpec(d).path("volumes")) {
                if (secret.equals(v.path("secret").path("secretName").asText())) {
                    names.add(Rendered.name(d));
                }
            }
        }
        return names;
    }

    /** Where the container sees key {@code key} of the Secret {@code secret} (null when it does not). */
    private static String fileOf(JsonNode d, String secret, String key) {
        for (JsonNode v : Rendered.podSpec(d).path("volumes")) {
            if (!secret.equals(v.path("secret").path("secretName").asText())) {
                continue;
            }
            String path = key;
            for (JsonNode item : v.path("secret").path("items")) {
                if (key.equals(item.path("key").asText())) {
                    path = item.path("path").asText();
                }
            }
            for (JsonNode m : Rendered.container(d).path("volumeMounts")) {
                if (v.path("name").asText().equals(m.path("name").asText())) {
                    return m.path("mountPath").asText().replaceFirst("/$", "") + "/" + path;
                }
            }
        }
        return null;
    }
}
