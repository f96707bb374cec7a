package io.rapport.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Secrets that exist at run time without being committed: created by an operator from a rendered object, or by
 * the installer following k8s/README.md.
 */
final class GeneratedSecrets {
    /** Created by the installer; README.md must show how (checked by NoCommittedSecretsTest). */
    static final Map<String, Set<String>> INSTALLER_PROVIDED = Map.of(
            "gateway-auth", Set.of("jwt-public-key.pem"),
            // the console's OIDC client secret (authorization code flow at the identity provider)
            "gateway-console-oidc", Set.of("client-secret"),
            // the key pair of the service tokens: the gateway signs with the private key, every service verifies
            "gateway-service-token", Set.of("private.pem"),
            "rapport-service-token-public", Set.of("public.pem"),
            // engagement's OWN key pair for its send-time reads: it signs with the private key, customer-service and
            // segmentation-service verify with the public key (never the gateway's pair)
            "engagement-service-token", Set.of("private.pem"),
            "engagement-service-token-public", Set.of("public.pem"),
            // engagement's SMTP relay login and unsubscribe-link key (README "Messages and e-mail")
            "engagement-outreach", Set.of("smtp-username", "smtp-password", "unsubscribe-key"),
            // loyalty's key that encrypts webhook signing secrets at rest (README "Webhooks")
            "loyalty-webhooks", Set.of("encryption-key"),
            // read whole with envFrom: its keys are environment variable names chosen per partner
            "gateway-partner-keys", Set.of());

    private GeneratedSecrets() {}

    /** Secret name to the keys it will hold. */
    static Map<String, Set<String>> of(Rendered rendered) {
        Map<String, Set<String>> secrets = new HashMap<>(INSTALLER_PROVIDED);
        for (JsonNode cluster : rendered.ofKind("Cluster")) {
            if (cluster.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")
                    && cluster.path("spec").path("bootstrap").has("initdb")) {
                // CloudNativePG: <cluster>-app, type kubernetes.io/basic-auth, for the initdb owner
                secrets.put(
                        Rendered.name(cluster) + "-app",
                        Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass"));
            }
        }
        for (JsonNode user : rendered.ofKind("KafkaUser")) {
            if ("scram-sha-512"
                    .equals(user.path("spec")
                            .path("authentication")
                            .path("type")
                            .asText())) {
                // Strimzi User Operator: a Secret named after the user
                secrets.put(Rendered.name(user), Set.of("password", "sasl.jaas.config"));
            }
        }
        for (JsonNode kafka : rendered.ofKind("Kafka")) {
            // Strimzi Cluster Operator: the cluster CA's public certificate
            secrets.put(Rendered.name(kafka) + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        for (JsonNode ingress : rendered.ofKind("Ingress")) {
            if (ingress.path("metadata").path("annotations").has("cert-manager.io/cluster-issuer")) {
                for (JsonNode tls : ingress.path("spec").path("tls")) {
                    secrets.put(tls.path("secretName").asText(), Set.of("tls.crt", "tls.key", "ca.crt"));
                }
            }
        }
        return secrets;
    }
}
