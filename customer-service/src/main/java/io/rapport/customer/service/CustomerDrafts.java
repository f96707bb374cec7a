package io.rapport.customer.service;

import io.rapport.customer.config.CustomerConfig;
import io.rapport.customer.domain.EmailAddresses;
import io.rapport.customer.domain.InvalidValueException;
import io.rapport.customer.domain.PhoneNumbers;
import io.rapport.customer.domain.ValueRules;
import io.rapport.customer.model.CustomerInput;
import io.rapport.customer.registration.Applicant;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks and normalises a {@link CustomerInput}: malformed values answer 400 naming the field, broken
 * rules (missing name, two primaries, a value given twice) 422. Nothing is written here.
 */
@ApplicationScoped
public class CustomerDrafts {
    private final PhoneNumbers phones;
    private final Clock clock;

    public CustomerDrafts(CustomerConfig config, Clock clock) {
        this.clock = clock;
        this.phones = new PhoneNumbers(config.defaultCallingCode().orElse(""));
    }

    public String normalisePhone(String field, String raw) {
        return value(field, raw, phones::normalise);
    }

    public String normaliseEmail(String field, String raw) {
        return value(field, raw, EmailAddresses::normalise);
    }

    /**
     * The registration pipeline's form of a checked input ({@link #draft}): texts trimmed (blank ones null), tags trimmed
     * and sorted, the channel preference without repeats; {@code idempotencyKey} trimmed, blank ones null.
     */
    public Applicant applicant(CustomerInput in, String idempotencyKey) {
        return applicant(draft(in), idempotencyKey);
    }

    /** The registration pipeline's form of an input already checked by {@link #draft}. */
    public Applicant applicant(CustomerDraft d, String idempotencyKey) {
        CustomerInput in = d.input();
        CustomerInput.Organisation org = in.organisation();
        CustomerInput.Address a = in.address();
        CustomerInput.Wallet w = in.wallet();
        TreeSet<String> tags = new TreeSet<>();
        if (in.tags() != null) {
            in.tags().forEach(t -> tags.add(t.trim()));
        }
        return new Applicant(
                trim(idempotencyKey),
                in.kind(),
                d.displayName(),
                trim(in.givenName()),
                trim(in.familyName()),
                org == null ? null : org.companyName().trim(),
                org == null ? null : trim(org.industry()),
                org == null ? null : trim(org.size()),
                a == null ? null : trim(a.line1()),
                a == null ? null : trim(a.line2()),
                a == null ? null : trim(a.postalCode()),
                a == null ? null : trim(a.city()),
                a == null ? null : trim(a.region()),
                d.country(),
                in.birthDate(),
                d.locale(),
                d.timeZone(),
                trim(in.ownerId()),
                trim(in.acquisitionSource()),
                trim(in.referralCode()),
                w == null
                        ? null
                        : new Applicant.Wallet(w.amount(), d.walletCurrency(), w.estimatedAt(), w.estimatedBy()),
                Boolean.TRUE.equals(in.target()),
                in.channelPreference() == null
                        ? List.of()
                        : in.channelPreference().stream().distinct().toList(),
                new ArrayList<>(tags),
                d.emails().stream()
                        .map(e -> new Applicant.Contact(e.value(), e.label(), e.primary()))
                        .toList(),
                d.phones().stream()
                        .map(e -> new Applicant.Contact(e.value(), e.label(), e.primary()))
                        .toList(),
                d.externalIds().stream()
                        .map(k -> new Applicant.ExternalKey(k.system(), k.id()))
                        .toList());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public CustomerDraft draft(CustomerInput in) {
        String displayName = displayName(in);
        List<CustomerDraft.Contact> emails = contacts("emails", in.emails(), EmailAddresses::normalise);
        List<CustomerDraft.Contact> phoneList = contacts("phones", in.phones(), phones::normalise);
        String locale =
                in.locale() == null || in.locale().isBlank() ? null : value("locale", in.locale(), ValueRules::locale);
        String zone = in.timeZone() == null || in.timeZone().isBlank()
                ? null
                : value("timeZone", in.timeZone(), ValueRules::timeZone);
        String country = in.address() == null || in.address().country() == null
                ? null
                : value("address.country", in.address().country(), ValueRules::country);
        if (in.birthDate() != null) {
            try {
                ValueRules.birthDate(
                        in.birthDate(),
                        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1));
            } catch (InvalidValueException e) {
                throw ProblemException.invalid("birthDate", e.getMessage());
            }
        }
        String currency = null;
        if (in.wallet() != null) {
            currency = value("wallet.currency", in.wallet().currency(), ValueRules::currency);
            if (in.wallet().estimatedAt() != null
                    && in.wallet().estimatedAt().isAfter(clock.instant().plusSeconds(300))) {
                throw ProblemException.unprocessable(
                        "wallet-in-future", "wallet.estimatedAt", "must not be in the future");
            }
        }
        List<CustomerDraft.ExternalKey> externalIds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (in.externalIds() != null) {
            for (int i = 0; i < in.externalIds().size(); i++) {
                CustomerInput.ExternalIdInput e = in.externalIds().get(i);
                if (!seen.add(e.system() + "\u0000" + e.id().trim())) {
                    throw ProblemException.unprocessable("duplicate-value", "externalIds[" + i + "]", "is given twice");
                }
                externalIds.add(new CustomerDraft.ExternalKey(e.system(), e.id().trim()));
            }
        }
        return new CustomerDraft(in, displayName, emails, phoneList, locale, zone, country, currency, externalIds);
    }

    private static String displayName(CustomerInput in) {
        if (in.kind().isOrganisation()) {
            if (in.organisation() == null) {
                throw ProblemException.unprocessable(
                        "organisation-required", "organisation.companyName", "is required for kind " + in.kind());
            }
            return in.organisation().companyName().trim();
        }
        String name = (blankToEmpty(in.givenName()) + " " + blankToEmpty(in.familyName())).trim();
        if (name.isEmpty()) {
            throw ProblemException.unprocessable(
                    "name-required", "givenName", "a person needs a given or a family name");
        }
        return name;
    }

    private static List<CustomerDraft.Contact> contacts(
            String field, List<CustomerInput.Contact> raw, Function<String, String> normaliser) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        List<CustomerDraft.Contact> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean anyPrimary = false;
        for (int i = 0; i < raw.size(); i++) {
            CustomerInput.Contact c = raw.get(i);
            String at = field + "[" + i + "]";
            String value = value(at + ".value", c.value(), normaliser);
            if (!seen.add(value)) {
                throw ProblemException.unprocessable("duplicate-value", at + ".value", "is given twice");
            }
            if (c.primary() && anyPrimary) {
                throw ProblemException.unprocessable(
                        "two-primaries", at + ".primary", "only one " + field + " entry can be primary");
            }
            anyPrimary |= c.primary();
            out.add(new CustomerDraft.Contact(value, c.label(), c.primary()));
        }
        if (!anyPrimary) {
            CustomerDraft.Contact first = out.get(0);
            out.set(0, new CustomerDraft.Contact(first.value(), first.label(), true));
        }
        return out;
    }

    private static String value(String field, String raw, Function<String, String> check) {
        if (raw == null) {
            throw ProblemException.invalid(field, "must not be null");
        }
        try {
            return check.apply(raw);
        } catch (InvalidValueException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
