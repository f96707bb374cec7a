package io.rapport.image;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The Pre-Depends/Depends closure of some root packages, as apt would install it without recommends: of several
 * versions of a package (e.g. the release and its security update) the highest; of alternatives ({@code a | b}) one
 * already chosen, else the first that exists, else a provider of the virtual package (highest priority, then name).
 * Version constraints are not checked: within one release the newest version of each package satisfies them.
 */
final class Resolver {
    private final Map<String, DebPackage> newest = new HashMap<>();
    private final Map<String, List<DebPackage>> providers = new HashMap<>();

    Resolver(Collection<DebPackage> packages) {
        for (DebPackage p : packages) {
            newest.merge(p.name(), p, (a, b) -> DebianVersion.compare(a.version(), b.version()) >= 0 ? a : b);
        }
        Map<String, List<DebPackage>> byVirtual = new HashMap<>();
        for (DebPackage p : newest.values()) {
            for (String v : p.provides()) {
                byVirtual.computeIfAbsent(v, k -> new ArrayList<>()).add(p);
            }
        }
        byVirtual.forEach((v, list) -> providers.put(
                v,
                list.stream()
                        .sorted(Comparator.comparingInt(DebPackage::priorityRank)
                                .thenComparing(DebPackage::name))
                        .toList()));
    }

    /** The closure of {@code roots}, sorted by package name. */
    List<DebPackage> closure(List<String> roots) {
        Map<String, DebPackage> chosen = new TreeMap<>();
        Map<String, String> chosenVirtual = new HashMap<>();
        Deque<DebPackage> todo = new ArrayDeque<>();
        Consumer<DebPackage> choose = p -> {
            if (chosen.putIfAbsent(p.name(), p) == null) {
                p.provides().forEach(v -> chosenVirtual.putIfAbsent(v, p.name()));
                todo.add(p);
            }
        };
        for (String root : roots) {
            choose.accept(Optional.ofNullable(newest.get(root))
                    .orElseThrow(() -> new IllegalArgumentException("no package " + root + " in the index")));
        }
        while (!todo.isEmpty()) {
            DebPackage p = todo.poll();
            for (List<String> alternatives : p.depends()) {
                if (alternatives.stream().noneMatch(a -> chosen.containsKey(a) || chosenVirtual.containsKey(a))) {
                    choose.accept(pick(p, alternatives));
                }
            }
        }
        return List.copyOf(chosen.values());
    }

    private DebPackage pick(DebPackage dependent, List<String> alternatives) {
        for (String a : alternatives) {
            if (newest.containsKey(a)) {
                return newest.get(a);
            }
        }
        for (String a : alternatives) {
            List<DebPackage> candidates = providers.get(a);
            if (candidates != null && !candidates.isEmpty()) {
                return candidates.get(0);
            }
        }
        throw new IllegalStateException(dependent.name() + " depends on " + String.join(" | ", alternatives)
                + ", which no package in the index provides");
    }
}
