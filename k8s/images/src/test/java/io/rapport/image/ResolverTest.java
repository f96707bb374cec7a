package io.rapport.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverTest {
    private static DebPackage pkg(String name, String version, String priority, String depends, String... provides) {
        List<List<String>> relations = PackageIndex.relations(List.of(depends));
        return new DebPackage(
                name,
                version,
                "amd64",
                priority,
                relations,
                Arrays.asList(provides),
                URI.create("https://example.org/" + name + "_" + version + ".deb"),
                1,
                "00");
    }

    @Test
    void closureFollowsDependenciesAndTakesTheNewestVersion() {
        Resolver resolver = new Resolver(List.of(
                pkg("app", "1", "optional", "libc6 (>= 2), tool"),
                pkg("libc6", "2.36-9+deb12u4", "required", ""),
                pkg("libc6", "2.36-9+deb12u7", "required", ""),
                pkg("tool", "1", "optional", "libc6"),
                pkg("unrelated", "1", "optional", "")));

        assertThat(resolver.closure(List.of("app")))
                .extracting(DebPackage::pin)
                .containsExactly("app 1 00", "libc6 2.36-9+deb12u7 00", "tool 1 00");
    }

    @Test
    void alternativesPreferAChosenPackageThenTheFirstThatExists() {
        Resolver resolver = new Resolver(List.of(
                pkg("app", "1", "optional", "b, a | b, missing | c"),
                pkg("a", "1", "optional", ""),
                pkg("b", "1", "optional", ""),
                pkg("c", "1", "optional", "")));

        assertThat(resolver.closure(List.of("app")))
                .extracting(DebPackage::name)
                .containsExactly("app", "b", "c");
    }

    @Test
    void aVirtualPackageIsProvidedByTheMostImportantProvider() {
        Resolver resolver = new Resolver(List.of(
                pkg("app", "1", "optional", "awk"),
                pkg("gawk", "1", "optional", "", "awk"),
                pkg("mawk", "1", "required", "", "awk"),
                pkg("original-awk", "1", "extra", "", "awk")));

        assertThat(resolver.closure(List.of("app")))
                .extracting(DebPackage::name)
                .containsExactly("app", "mawk");
    }

    @Test
    void aChosenProviderSatisfiesLaterDependenciesOnTheVirtualPackage() {
        Resolver resolver = new Resolver(List.of(
                pkg("app", "1", "optional", "gawk, awk"),
                pkg("gawk", "1", "optional", "", "awk"),
                pkg("mawk", "1", "required", "", "awk")));

        assertThat(resolver.closure(List.of("app")))
                .extracting(DebPackage::name)
                .containsExactly("app", "gawk");
    }

    @Test
    void unsatisfiableDependenciesAndUnknownRootsFail() {
        Resolver resolver = new Resolver(List.of(pkg("app", "1", "optional", "nowhere | neither")));

        assertThatThrownBy(() -> resolver.closure(List.of("app"))).hasMessageContaining("nowhere | neither");
        assertThatThrownBy(() -> resolver.closure(List.of("ghost"))).hasMessageContaining("no package ghost");
    }
}
