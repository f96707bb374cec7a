package io.rapport.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's effective configuration as it would run in a pod: shared defaults (platform-web, platform), then its
 * application.properties, then the container's environment (MicroProfile Config's env-var naming), with the
 * {@code prod} profile applied and {@code ${NAME:default}} expressions resolved.
 */
final class AppProperties {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    private final Map<String, String> files;

    private AppProperties(Map<String, String> files) {
        this.files = files;
    }

    /** Merges the files in increasing priority. */
    static AppProperties load(Path... lowToHigh) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Path file : lowToHigh) {
            if (Files.isRegularFile(file)) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file)) {
                    p.load(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                p.stringPropertyNames().forEach(k -> merged.put(k, p.getProperty(k)));
            }
        }
        return new AppProperties(merged);
    }

    /** Raw keys and values of the files (no env, no profile), e.g. to enumerate channels. */
    Map<String, String> raw() {
        Map<String, String> view = new HashMap<>(files);
        files.forEach((k, v) -> {
            if (k.startsWith("%prod.")) {
                view.put(k.substring("%prod.".length()), v);
            }
        });
        view.keySet().removeIf(k -> k.startsWith("%"));
        return view;
    }

    /**
     * Names used as {@code ${NAME}} without a default in the prod view of the files and not defined there: the
     * application cannot start unless its environment provides them.
     */
    Set<String> requiredFromEnvironment() {
        Set<String> required = new TreeSet<>();
        raw().values().forEach(v -> {
            Matcher m = EXPRESSION.matcher(v);
            while (m.find()) {
                if (m.group(2) == null && !files.containsKey(m.group(1))) {
                    required.add(m.group(1));
                }
            }
        });
        return required;
    }

    /** The value with the given container environment, or empty when neither env nor files set it. */
    Optional<String> get(String key, Map<String, String> env) {
        String envValue = env.get(envName(key));
        if (envValue != null) {
            return Optional.of(resolve(envValue, env, 0));
        }
        String v = files.containsKey("%prod." + key) ? files.get("%prod." + key) : files.get(key);
        return Optional.ofNullable(v).map(value -> resolve(value, env, 0));
    }

    Optional<String> get(String key) {
        return get(key, Map.of());
    }

    /** MicroProfile Config's environment-variable name of a property: non-alphanumerics to '_', upper case. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private String resolve(String value, Map<String, String> env, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("expression nests too deep: " + value);
        }
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Function<String, Optional<String>> lookup = n -> Optional.ofNullable(env.get(n))
                    .or(() -> Optional.ofNullable(env.get(envName(n))))
                    .or(() -> Optional.ofNullable(files.get(n)));
            String replacement =
                    lookup.apply(name).or(() -> Optional.ofNullable(m.group(2))).orElse("");
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(replacement, env, depth + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
