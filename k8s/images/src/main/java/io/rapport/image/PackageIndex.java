package io.rapport.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads Debian "Packages" indexes (deb822 stanzas) into {@link DebPackage}s. */
final class PackageIndex {
    private PackageIndex() {}

    /**
     * The packages of one index built for {@code architecture} (or "all").
     *
     * @param archiveBase the archive's base URL, e.g. https://deb.debian.org/debian/ (Filename is relative to it)
     */
    static List<DebPackage> read(InputStream packages, URI archiveBase, String architecture) throws IOException {
        List<DebPackage> result = new ArrayList<>();
        Set<String> wanted = Set.of(architecture, "all");
        BufferedReader reader = new BufferedReader(new InputStreamReader(packages, StandardCharsets.UTF_8));
        Map<String, String> stanza = new LinkedHashMap<>();
        String key = null;
        for (String line = reader.readLine(); ; line = reader.readLine()) {
            if (line == null || line.isEmpty()) {
                if (!stanza.isEmpty() && wanted.contains(stanza.get("Architecture"))) {
                    result.add(toPackage(stanza, archiveBase));
                }
                stanza.clear();
                key = null;
                if (line == null) {
                    return result;
                }
            } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (key != null) {
                    stanza.merge(key, "\n" + line, String::concat);
                }
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    key = line.substring(0, colon);
                    stanza.put(key, line.substring(colon + 1).trim());
                }
            }
        }
    }

    /** The fields of one stanza of a control file (e.g. a .deb's {@code control}), keys in file order. */
    static Map<String, String> controlFields(String control) {
        Map<String, String> fields = new LinkedHashMap<>();
        String key = null;
        for (String line : control.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && key != null) {
                fields.merge(key, "\n" + line, String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    key = line.substring(0, colon);
                    fields.put(key, line.substring(colon + 1).trim());
                }
            }
        }
        return fields;
    }

    /** "a (>= 1), b:any | c, d [amd64]" into [[a], [b, c], [d]]: names only. */
    static List<List<String>> relations(Collection<String> fieldValues) {
        List<List<String>> relations = new ArrayList<>();
        for (String value : fieldValues) {
            if (value == null || value.isBlank()) {
                continue;
            }
            for (String relation : value.split(",")) {
                List<String> alternatives = Arrays.stream(relation.split("\\|"))
                        .map(PackageIndex::relationName)
                        .filter(n -> !n.isEmpty())
                        .toList();
                if (!alternatives.isEmpty()) {
                    relations.add(alternatives);
                }
            }
        }
        return relations;
    }

    private static String relationName(String alternative) {
        String name = alternative.trim().split("[\\s(\\[<]", 2)[0];
        int qualifier = name.indexOf(':');
        return qualifier >= 0 ? name.substring(0, qualifier) : name;
    }

    private static DebPackage toPackage(Map<String, String> s, URI archiveBase) {
        String name = required(s, "Package");
        List<String> provides = relations(List.of(s.getOrDefault("Provides", ""))).stream()
                .map(alternatives -> alternatives.get(0))
                .toList();
        String base = archiveBase.toString().endsWith("/") ? archiveBase.toString() : archiveBase + "/";
        return new DebPackage(
                name,
                required(s, "Version"),
                required(s, "Architecture"),
                s.get("Priority"),
                relations(Arrays.asList(s.get("Pre-Depends"), s.get("Depends"))),
                provides,
                URI.create(base + required(s, "Filename")),
                Long.parseLong(required(s, "Size")),
                required(s, "SHA256"));
    }

    private static String required(Map<String, String> stanza, String field) {
        String v = stanza.get(field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("Packages stanza of " + stanza.get("Package") + " has no " + field);
        }
        return v;
    }
}
