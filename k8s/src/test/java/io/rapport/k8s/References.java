package io.rapport.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ConfigMaps and Secrets (and their keys) that Deployments read, checked against what will exist at run time. */
final class References {
    private References() {}

    /** Human-readable descriptions of every reference that neither a rendered object nor an operator satisfies. */
    static List<String> unresolved(Rendered rendered) {
        Map<String, Set<String>> secrets = GeneratedSecrets.of(rendered);
        List<String> missing = new ArrayList<>();
        for (JsonNode d : rendered.deployments()) {
            String who = Rendered.id(d) + ": ";
            JsonNode c = Rendered.container(d);
            for (JsonNode from : c.path("envFrom")) {
                String cm = from.path("configMapRef").path("name").asText(null);
                if (cm != null && !hasConfigMap(rendered, cm, null)) {
                    missing.add(who + "envFrom ConfigMap " + cm);
                }
                String secret = from.path("secretRef").path("name").asText(null);
                if (secret != null && !secrets.containsKey(secret)) {
                    missing.add(who + "envFrom Secret " + secret);
                }
            }
            for (JsonNode e : c.path("env")) {
                String var = who + e.path("name").asText() + " <- ";
                JsonNode cm = e.path("valueFrom").path("configMapKeyRef");
                if (!cm.isMissingNode()
                        && !hasConfigMap(
                                rendered,
                                cm.path("name").asText(),
                                cm.path("key").asText())) {
                    missing.add(var + "ConfigMap " + cm.path("name").asText() + " key "
                            + cm.path("key").asText());
                }
                JsonNode secret = e.path("valueFrom").path("secretKeyRef");
                if (!secret.isMissingNode()
                        && !hasSecret(
                                secrets,
                                secret.path("name").asText(),
                                secret.path("key").asText())) {
                    missing.add(var + "Secret " + secret.path("name").asText() + " key "
                            + secret.path("key").asText());
                }
            }
            for (JsonNode volume : Rendered.podSpec(d).path("volumes")) {
                String secret = volume.path("secret").path("secretName").asText(null);
                if (secret != null && !secrets.containsKey(secret)) {
                    missing.add(who + "volume Secret " + secret);
                }
                for (JsonNode item : volume.path("secret").path("items")) {
                    boolean known = secret != null && secrets.containsKey(secret);
                    if (known && !hasSecret(secrets, secret, item.path("key").asText())) {
                        missing.add(who + "volume Secret " + secret + " key "
                                + item.path("key").asText());
                    }
                }
                String cm = volume.path("configMap").path("name").asText(null);
                if (cm != null && !hasConfigMap(rendered, cm, null)) {
                    missing.add(who + "volume ConfigMap " + cm);
                }
            }
        }
        return missing;
    }

    private static boolean hasConfigMap(Rendered rendered, String name, String key) {
        return rendered.find("ConfigMap", name)
                .map(cm -> key == null || cm.path("data").has(key))
                .orElse(false);
    }

    private static boolean hasSecret(Map<String, Set<String>> secrets, String name, String key) {
        return secrets.getOrDefault(name, Set.of()).contains(key);
    }
}
