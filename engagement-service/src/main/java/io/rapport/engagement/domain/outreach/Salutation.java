package io.rapport.engagement.domain.outreach;

import java.util.Locale;

/**
 * How a message greets the customer, per language: "Dear Ada Lovelace" with a name, the company's name for an
 * organisation, and a documented default without one ("Dear customer", "Liebe Kundin, lieber Kunde", "Chère cliente,
 * cher client"), never "Dear ,". Languages without their own wording use English.
 */
public final class Salutation {
    private Salutation() {}

    public static String of(String language, String givenName, String familyName, String companyName) {
        String name = join(givenName, familyName);
        if (name.isEmpty() && companyName != null && !companyName.isBlank()) {
            name = companyName.strip();
        }
        String lang = language(language);
        if (name.isEmpty()) {
            return switch (lang) {
                case "de" -> "Liebe Kundin, lieber Kunde";
                case "fr" -> "Chère cliente, cher client";
                default -> "Dear customer";
            };
        }
        return switch (lang) {
            case "de" -> "Guten Tag " + name;
            case "fr" -> "Bonjour " + name;
            default -> "Dear " + name;
        };
    }

    /** The language part of a locale (en-GB -> en), lower case; "en" when none is known. */
    public static String language(String locale) {
        if (locale == null || locale.isBlank()) {
            return "en";
        }
        return Locale.forLanguageTag(locale.replace('_', '-')).getLanguage().isEmpty()
                ? "en"
                : Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
    }

    private static String join(String a, String b) {
        String s = ((a == null ? "" : a.strip()) + " " + (b == null ? "" : b.strip())).strip();
        return s;
    }
}
