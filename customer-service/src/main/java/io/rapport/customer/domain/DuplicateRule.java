package io.rapport.customer.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether two records probably are one person or company although no e-mail, phone or external id is shared
 * (those are exact duplicates and refused on entry). The names, normalised (case, accents, punctuation and word
 * order ignored), must be similar by Jaro-Winkler ({@value #NAME_THRESHOLD} or more), and at least one more signal
 * must agree: the same postal address (street line and postal code, or street line and city), a shared phone, or the
 * same birth date when both records have one. A name alone never makes a suggestion (two John Smiths are not one).
 * The score is 0.5 × name similarity + 0.3 for the address + 0.2 for a phone + 0.2 for the birth date, capped at 1;
 * a pair scoring below {@value #SUGGEST_AT} is not suggested. The same normalised name with the same birth date is
 * always suggested, also without any address (a new e-mail does not make a new person).
 */
public final class DuplicateRule {
    public static final double NAME_THRESHOLD = 0.88;
    public static final double SUGGEST_AT = 0.7;

    /** Why a pair was suggested. */
    public enum Reason {
        SIMILAR_NAME,
        SAME_ADDRESS,
        SAME_PHONE,
        SAME_BIRTH_DATE
    }

    /** What the rule compares; any field may be null (phones: empty). */
    public record Person(
            String name,
            String addressLine1,
            String postalCode,
            String city,
            String country,
            Set<String> phones,
            LocalDate birthDate) {}

    /** A suggested pair: score in [0, 1] and the signals that agreed. */
    public record Verdict(double score, List<Reason> reasons) {}

    private DuplicateRule() {}

    public static Optional<Verdict> judge(Person a, Person b) {
        double name = jaroWinkler(normaliseName(a.name()), normaliseName(b.name()));
        if (name < NAME_THRESHOLD) {
            return Optional.empty();
        }
        List<Reason> reasons = new ArrayList<>(List.of(Reason.SIMILAR_NAME));
        double score = 0.5 * name;
        if (sameAddress(a, b)) {
            reasons.add(Reason.SAME_ADDRESS);
            score += 0.3;
        }
        if (a.phones() != null && b.phones() != null && a.phones().stream().anyMatch(b.phones()::contains)) {
            reasons.add(Reason.SAME_PHONE);
            score += 0.2;
        }
        if (a.birthDate() != null && a.birthDate().equals(b.birthDate())) {
            reasons.add(Reason.SAME_BIRTH_DATE);
            score += 0.2;
        }
        score = Math.min(1.0, score);
        boolean sameNameAndBirth = name == 1.0 && reasons.contains(Reason.SAME_BIRTH_DATE);
        if (reasons.size() < 2 || (score < SUGGEST_AT && !sameNameAndBirth)) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(score, reasons));
    }

    /** Same street line, and the same postal code or (without postal codes) the same city; countries must not differ. */
    static boolean sameAddress(Person a, Person b) {
        String line = normalise(a.addressLine1());
        if (line.isEmpty() || !line.equals(normalise(b.addressLine1()))) {
            return false;
        }
        String ca = normalise(a.country());
        String cb = normalise(b.country());
        if (!ca.isEmpty() && !cb.isEmpty() && !ca.equals(cb)) {
            return false;
        }
        String pa = normalise(a.postalCode()).replace(" ", "");
        String pb = normalise(b.postalCode()).replace(" ", "");
        if (!pa.isEmpty() && !pb.isEmpty()) {
            return pa.equals(pb);
        }
        String cityA = normalise(a.city());
        return !cityA.isEmpty() && cityA.equals(normalise(b.city()));
    }

    /** Lower case, accents removed, punctuation to spaces, words sorted (so "Lovelace, Ada" equals "Ada Lovelace"). */
    public static String normaliseName(String name) {
        String n = normalise(name);
        if (n.isEmpty()) {
            return n;
        }
        String[] words = n.split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }

    private static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
    }

    /** Jaro-Winkler similarity in [0, 1] (1: equal), prefix scale 0.1 over at most 4 characters. */
    public static double jaroWinkler(String a, String b) {
        Objects.requireNonNull(a);
        Objects.requireNonNull(b);
        if (a.equals(b)) {
            return a.isEmpty() ? 0.0 : 1.0;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] matchedA = new boolean[a.length()];
        boolean[] matchedB = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < a.length(); i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
