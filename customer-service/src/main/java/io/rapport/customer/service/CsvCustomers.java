package io.rapport.customer.service;

import io.rapport.customer.domain.Channel;
import io.rapport.customer.domain.CustomerKind;
import io.rapport.customer.model.CustomerInput;
import io.rapport.platform.rest.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One CSV row (header name to cell) as a {@link CustomerInput}. Columns: kind, givenName, familyName, companyName,
 * industry, companySize, email, phone, addressLine1, addressLine2, postalCode, city, region, country, birthDate (ISO date), locale,
 * timeZone,
 * ownerId, tags, acquisitionSource, referralCode, walletAmount, walletCurrency, target, channelPreference,
 * externalSystem, externalId. email, phone, tags and channelPreference take several values separated by {@code ;}.
 * Empty cells are absent values. Errors name the column, never the value.
 */
public final class CsvCustomers {
    public static final List<String> COLUMNS = List.of(
            "kind",
            "givenName",
            "familyName",
            "companyName",
            "industry",
            "companySize",
            "email",
            "phone",
            "addressLine1",
            "addressLine2",
            "postalCode",
            "city",
            "region",
            "country",
            "birthDate",
            "locale",
            "timeZone",
            "ownerId",
            "tags",
            "acquisitionSource",
            "referralCode",
            "walletAmount",
            "walletCurrency",
            "target",
            "channelPreference",
            "externalSystem",
            "externalId");

    private CsvCustomers() {}

    /** Refuses (400) a header with an unknown or repeated column, or without {@code kind}. */
    public static void checkHeader(List<String> header) {
        CsvRows.checkHeader(header, COLUMNS, List.of("kind"));
    }

    public static CustomerInput input(Map<String, String> row) {
        CustomerKind kind = enumOf(CustomerKind.class, "kind", cell(row, "kind"));
        String company = cell(row, "companyName");
        CustomerInput.Organisation organisation =
                company == null && cell(row, "industry") == null && cell(row, "companySize") == null
                        ? null
                        : new CustomerInput.Organisation(company, cell(row, "industry"), cell(row, "companySize"));
        CustomerInput.Address address = null;
        if (Arrays.asList("addressLine1", "addressLine2", "postalCode", "city", "region", "country").stream()
                .anyMatch(c -> cell(row, c) != null)) {
            address = new CustomerInput.Address(
                    cell(row, "addressLine1"),
                    cell(row, "addressLine2"),
                    cell(row, "postalCode"),
                    cell(row, "city"),
                    cell(row, "region"),
                    cell(row, "country"));
        }
        CustomerInput.Wallet wallet = null;
        if (cell(row, "walletAmount") != null || cell(row, "walletCurrency") != null) {
            wallet = new CustomerInput.Wallet(
                    decimal("walletAmount", cell(row, "walletAmount")), cell(row, "walletCurrency"), null, null);
        }
        List<CustomerInput.ExternalIdInput> externalIds = null;
        if (cell(row, "externalSystem") != null || cell(row, "externalId") != null) {
            externalIds =
                    List.of(new CustomerInput.ExternalIdInput(cell(row, "externalSystem"), cell(row, "externalId")));
        }
        List<Channel> channels = null;
        if (cell(row, "channelPreference") != null) {
            channels = new ArrayList<>();
            for (String c : split(cell(row, "channelPreference"))) {
                channels.add(enumOf(Channel.class, "channelPreference", c));
            }
        }
        List<String> tags = cell(row, "tags") == null ? null : split(cell(row, "tags"));
        return new CustomerInput(
                kind,
                cell(row, "givenName"),
                cell(row, "familyName"),
                organisation,
                contacts(cell(row, "email")),
                contacts(cell(row, "phone")),
                address,
                date("birthDate", cell(row, "birthDate")),
                cell(row, "locale"),
                cell(row, "timeZone"),
                cell(row, "ownerId"),
                tags == null ? null : new LinkedHashSet<>(tags),
                cell(row, "acquisitionSource"),
                cell(row, "referralCode"),
                wallet,
                bool("target", cell(row, "target")),
                channels,
                externalIds);
    }

    private static List<CustomerInput.Contact> contacts(String cell) {
        if (cell == null) {
            return null;
        }
        List<CustomerInput.Contact> out = new ArrayList<>();
        for (String v : split(cell)) {
            out.add(new CustomerInput.Contact(v, null, false));
        }
        return out;
    }

    private static List<String> split(String cell) {
        return Arrays.stream(cell.split(";"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String cell(Map<String, String> row, String column) {
        return CsvRows.cell(row, column);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(column, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static java.time.LocalDate date(String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(column, "must be an ISO date such as 1985-12-10");
        }
    }

    private static BigDecimal decimal(String column, String value) {
        return CsvRows.decimal(column, value, "2500.00");
    }

    private static Boolean bool(String column, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw ProblemException.invalid(column, "must be true or false");
        };
    }
}
