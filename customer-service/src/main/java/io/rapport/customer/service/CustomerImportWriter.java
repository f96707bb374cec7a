package io.rapport.customer.service;

import io.rapport.platform.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.Money;
import io.rapport.customer.domain.Amounts;
import io.rapport.customer.rest.CustomerInput;
import io.rapport.customer.rest.ImportResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Stores one chunk of imported customers in one transaction with JDBC batches. A row whose e-mail, phone
 * or external id already belongs to a customer (stored, or an earlier row of the chunk) is EXISTING and
 * changes nothing, which makes a re-run of the same file a no-op. Imported customers start without last activity
 * (the import is not theirs): their imported purchases set it to when they happened. Created customers with a
 * similar name and the same address as a live one are suggested for review ({@link DuplicateDetector}), never refused.
 */
@ApplicationScoped
public class CustomerImportWriter {
    private static final String EMAIL = "EMAIL";
    private static final String PHONE = "PHONE";

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final ContactDigests digests;
    private final DuplicateDetector duplicates;

    public CustomerImportWriter(AgroalDataSource dataSource, Outbox outbox, ContactDigests digests, DuplicateDetector duplicates) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.digests = digests;
        this.duplicates = duplicates;
    }

    /** A checked row waiting to be written. */
    public record Pending(int line, CustomerDraft draft) {
    }

    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = SQLException.class)
    public List<ImportResult.Row> write(List<Pending> rows, String who) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, UUID> owners = existingOwners(c, rows);
            List<ImportResult.Row> results = new ArrayList<>();
            List<Pending> fresh = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            for (Pending p : rows) {
                UUID owner = owner(owners, p.draft());
                if (owner != null) {
                    results.add(new ImportResult.Row(p.line(), ImportResult.Status.EXISTING, owner, null, null));
                    continue;
                }
                UUID id = UUID.randomUUID();
                keys(p.draft()).forEach(k -> owners.put(k, id));
                fresh.add(p);
                ids.add(id);
                results.add(new ImportResult.Row(p.line(), ImportResult.Status.CREATED, id, null, null));
            }
            insert(c, fresh, ids, who, Instant.now());
            duplicates.detect(c, ids);
            return results;
        }
    }

    private static Map<String, UUID> existingOwners(Connection c, List<Pending> rows) throws SQLException {
        List<String> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> systems = new ArrayList<>();
        List<String> externals = new ArrayList<>();
        for (Pending p : rows) {
            p.draft().emails().forEach(e -> { kinds.add(EMAIL); values.add(e.value()); });
            p.draft().phones().forEach(e -> { kinds.add(PHONE); values.add(e.value()); });
            p.draft().externalIds().forEach(k -> { systems.add(k.system()); externals.add(k.id()); });
        }
        Map<String, UUID> owners = new HashMap<>(Jdbc.owners(c, "select p.kind, p.value, p.customer_id from customer_contact_point p"
                + " join unnest(?::text[], ?::text[]) as v(kind, value) on p.kind = v.kind and p.value = v.value", kinds, values));
        Jdbc.owners(c, "select e.system, e.external_id, e.customer_id from customer_external_id e join unnest(?::text[], ?::text[])"
                + " as v(system, external_id) on e.system = v.system and e.external_id = v.external_id", systems, externals)
                .forEach((k, v) -> owners.put("X" + k, v));
        return owners;
    }

    private static List<String> keys(CustomerDraft d) {
        List<String> keys = new ArrayList<>();
        d.emails().forEach(e -> keys.add(Jdbc.key(EMAIL, e.value())));
        d.phones().forEach(e -> keys.add(Jdbc.key(PHONE, e.value())));
        d.externalIds().forEach(k -> keys.add("X" + Jdbc.key(k.system(), k.id())));
        return keys;
    }

    private static UUID owner(Map<String, UUID> owners, CustomerDraft d) {
        return keys(d).stream().map(owners::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private void insert(Connection c, List<Pending> rows, List<UUID> ids, String who, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Outbox.Pending> events = new ArrayList<>();
        try (PreparedStatement customer = c.prepareStatement("insert into customer (id, version, kind, status, display_name,"
                + " given_name, family_name, company_name, industry, company_size, address_line1, address_line2, postal_code,"
                + " city, region, country, birth_date, locale, time_zone, owner_id, acquisition_source, referral_code, wallet_amount,"
                + " wallet_currency, wallet_estimated_at, wallet_estimated_by, target, do_not_contact, channel_preference,"
                + " last_activity_at, created_at, updated_at) values (?, 0, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?)");
                PreparedStatement contact = c.prepareStatement("insert into customer_contact_point (id, customer_id, kind, value,"
                        + " label, is_primary) values (?, ?, ?, ?, ?, ?)");
                PreparedStatement external = c.prepareStatement("insert into customer_external_id (id, customer_id, system,"
                        + " external_id) values (?, ?, ?, ?)");
                PreparedStatement tag = c.prepareStatement("insert into customer_tag (customer_id, tag) values (?, ?)")) {
            for (int i = 0; i < rows.size(); i++) {
                CustomerDraft d = rows.get(i).draft();
                CustomerInput in = d.input();
                UUID id = ids.get(i);
                int n = 1;
                customer.setObject(n++, id);
                customer.setString(n++, in.kind().name());
                customer.setString(n++, d.displayName());
                customer.setString(n++, trim(in.givenName()));
                customer.setString(n++, trim(in.familyName()));
                customer.setString(n++, in.organisation() == null ? null : in.organisation().companyName().trim());
                customer.setString(n++, in.organisation() == null ? null : trim(in.organisation().industry()));
                customer.setString(n++, in.organisation() == null ? null : trim(in.organisation().size()));
                CustomerInput.Address a = in.address();
                customer.setString(n++, a == null ? null : trim(a.line1()));
                customer.setString(n++, a == null ? null : trim(a.line2()));
                customer.setString(n++, a == null ? null : trim(a.postalCode()));
                customer.setString(n++, a == null ? null : trim(a.city()));
                customer.setString(n++, a == null ? null : trim(a.region()));
                customer.setString(n++, d.country());
                customer.setObject(n++, in.birthDate(), java.sql.Types.DATE);
                customer.setString(n++, d.locale());
                customer.setString(n++, d.timeZone());
                customer.setString(n++, trim(in.ownerId()));
                customer.setString(n++, trim(in.acquisitionSource()));
                customer.setString(n++, trim(in.referralCode()));
                customer.setBigDecimal(n++, in.wallet() == null ? null : in.wallet().amount());
                customer.setString(n++, d.walletCurrency());
                customer.setTimestamp(n++, in.wallet() == null ? null
                        : Jdbc.ts(in.wallet().estimatedAt() == null ? now : in.wallet().estimatedAt()));
                customer.setString(n++, in.wallet() == null ? null : in.wallet().estimatedBy() == null ? who : in.wallet().estimatedBy());
                customer.setBoolean(n++, Boolean.TRUE.equals(in.target()));
                customer.setString(n++, channels(in));
                customer.setTimestamp(n++, null); // no activity yet: the import is not the customer's; purchases bring it
                customer.setTimestamp(n++, Jdbc.ts(now));
                customer.setTimestamp(n++, Jdbc.ts(now));
                customer.addBatch();
                for (CustomerDraft.Contact e : d.emails()) {
                    addContact(contact, id, EMAIL, e);
                }
                for (CustomerDraft.Contact p : d.phones()) {
                    addContact(contact, id, PHONE, p);
                }
                for (CustomerDraft.ExternalKey k : d.externalIds()) {
                    external.setObject(1, UUID.randomUUID());
                    external.setObject(2, id);
                    external.setString(3, k.system());
                    external.setString(4, k.id());
                    external.addBatch();
                }
                for (String t : tags(in)) {
                    tag.setObject(1, id);
                    tag.setString(2, t);
                    tag.addBatch();
                }
                events.add(new Outbox.Pending(CustomerEvents.REGISTERED, id, new CustomerRegistered(snapshot(id, d, now))));
            }
            customer.executeBatch();
            contact.executeBatch();
            external.executeBatch();
            tag.executeBatch();
        }
        outbox.publishAll(c, events);
    }

    private static void addContact(PreparedStatement ps, UUID id, String kind, CustomerDraft.Contact contact) throws SQLException {
        ps.setObject(1, UUID.randomUUID());
        ps.setObject(2, id);
        ps.setString(3, kind);
        ps.setString(4, contact.value());
        ps.setString(5, contact.label());
        ps.setBoolean(6, contact.primary());
        ps.addBatch();
    }

    private CustomerSnapshot snapshot(UUID id, CustomerDraft d, Instant now) {
        CustomerInput in = d.input();
        BigDecimal wallet = in.wallet() == null ? null : in.wallet().amount();
        return new CustomerSnapshot(id.toString(), in.kind().name(), "ACTIVE", d.locale(), d.timeZone(),
                trim(in.ownerId()), trim(in.referralCode()),
                wallet == null ? null : new Money(Amounts.format(wallet), d.walletCurrency()), Boolean.TRUE.equals(in.target()),
                Map.of(), false, in.channelPreference() == null ? List.of()
                        : in.channelPreference().stream().distinct().map(Enum::name).toList(),
                now, 0, digests.of(d.emails().stream().map(CustomerDraft.Contact::value).toList(),
                        d.phones().stream().map(CustomerDraft.Contact::value).toList()));
    }

    private static TreeSet<String> tags(CustomerInput in) {
        TreeSet<String> tags = new TreeSet<>();
        if (in.tags() != null) {
            in.tags().forEach(t -> tags.add(t.trim()));
        }
        return tags;
    }

    private static String channels(CustomerInput in) {
        return in.channelPreference() == null || in.channelPreference().isEmpty() ? null
                : String.join(",", in.channelPreference().stream().distinct().map(Enum::name).toList());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
