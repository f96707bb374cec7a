package io.rapport.image;

import java.net.URI;
import java.util.List;

/**
 * One binary package of a Debian Packages index.
 *
 * @param depends Pre-Depends and Depends, each relation a list of alternatives (package names, no version or
 *                architecture qualifier)
 * @param provides virtual package names
 * @param url where the .deb is (the archive's base URL + Filename)
 */
record DebPackage(
        String name,
        String version,
        String architecture,
        String priority,
        List<List<String>> depends,
        List<String> provides,
        URI url,
        long size,
        String sha256) {

    /** {@code name version sha256}: identifies exactly what goes into an image. */
    String pin() {
        return name + " " + version + " " + sha256;
    }

    /** Lower is more important: required, important, standard, optional, extra, unknown. */
    int priorityRank() {
        return switch (priority == null ? "" : priority) {
            case "required" -> 0;
            case "important" -> 1;
            case "standard" -> 2;
            case "optional" -> 3;
            case "extra" -> 4;
            default -> 5;
        };
    }
}
