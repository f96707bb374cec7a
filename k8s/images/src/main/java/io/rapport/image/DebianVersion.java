package io.rapport.image;

import java.util.Comparator;

/** Debian package version ordering ({@code [epoch:]upstream[-revision]}), as dpkg compares versions. */
final class DebianVersion {
    /** Orders version strings the way {@code dpkg --compare-versions} does. */
    static final Comparator<String> ORDER = DebianVersion::compare;

    private DebianVersion() {}

    static int compare(String a, String b) {
        Parts x = Parts.of(a);
        Parts y = Parts.of(b);
        if (x.epoch != y.epoch) {
            return Long.compare(x.epoch, y.epoch);
        }
        int upstream = compareFragment(x.upstream, y.upstream);
        return upstream != 0 ? upstream : compareFragment(x.revision, y.revision);
    }

    private record Parts(long epoch, String upstream, String revision) {
        static Parts of(String version) {
            String v = version.trim();
            int colon = v.indexOf(':');
            long epoch = colon > 0 ? Long.parseLong(v.substring(0, colon)) : 0;
            String rest = v.substring(colon + 1);
            int dash = rest.lastIndexOf('-');
            return dash >= 0
                    ? new Parts(epoch, rest.substring(0, dash), rest.substring(dash + 1))
                    : new Parts(epoch, rest, "");
        }
    }

    /** dpkg's verrevcmp: alternating non-digit runs (letters before other characters, '~' before everything, even
     *  the end) and numeric runs. */
    private static int compareFragment(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (isDigit(c)) {
            return 0;
        }
        if (Character.isLetter(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
