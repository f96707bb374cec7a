package io.rapport.customer.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** Checks of single values: BCP 47 locale, IANA region time zone, ISO 4217 currency, ISO 3166 country. */
public final class ValueRules {
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private ValueRules() {}

    /** A well-formed BCP 47 language tag with a known language, returned in canonical form ("en-GB"). */
    public static String locale(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.trim()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new InvalidValueException("must name a language, e.g. en-GB");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new InvalidValueException("is not a BCP 47 language tag, e.g. en-GB");
        }
    }

    /** An IANA region-based zone id such as Europe/London (no fixed offsets: they ignore daylight saving). */
    public static String timeZone(String zone) {
        String z = zone.trim();
        if (!ZONES.contains(z)) {
            throw new InvalidValueException("is not an IANA time zone, e.g. Europe/London");
        }
        return z;
    }

    /** An active ISO 4217 code in upper case. */
    public static String currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidValueException("must be an ISO 4217 code such as EUR");
        }
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("is not an ISO 4217 currency");
        }
    }

    /** The earliest birth date accepted. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** A birth date: not after {@code today} and not before {@link #EARLIEST_BIRTH_DATE}. */
    public static LocalDate birthDate(LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw new InvalidValueException("must not be in the future");
        }
        if (date.isBefore(EARLIEST_BIRTH_DATE)) {
            throw new InvalidValueException("must not be before 1900-01-01");
        }
        return date;
    }

    /** An ISO 3166-1 alpha-2 country code in upper case. */
    public static String country(String code) {
        if (code == null || !COUNTRIES.contains(code)) {
            throw new InvalidValueException("must be an ISO 3166-1 alpha-2 code such as GB");
        }
        return code;
    }
}
