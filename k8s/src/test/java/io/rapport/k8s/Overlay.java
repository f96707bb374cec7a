package io.rapport.k8s;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The deployable kustomizations; each is rendered once per test JVM. */
enum Overlay {
    DEV("overlays/dev"),
    PROD("overlays/prod");

    private static final Map<Overlay, Rendered> CACHE = new ConcurrentHashMap<>();

    private final String dir;

    Overlay(String dir) {
        this.dir = dir;
    }

    Path dir() {
        return Repo.k8s().resolve(dir);
    }

    /** Rendered objects of this overlay (the test is skipped when kubectl is missing). */
    Rendered rendered() {
        Kustomize.requireKubectl();
        return CACHE.computeIfAbsent(this, o -> Rendered.parse(Kustomize.render(o.dir())));
    }
}
