package io.rapport.customer.registration;

import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.Money;
import io.rapport.customer.domain.Amounts;
import io.rapport.customer.domain.Channel;
import io.rapport.customer.service.ContactDigests;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Storage of the registration pipeline, on the caller's transaction's connection: {@link #load} reads what a batch's
 * decision needs in one statement, {@link #save} writes the new customers with one JDBC batch per table (sent as
 * multi-row inserts: reWriteBatchedInserts) and their CustomerRegistered events with one outbox batch. A new customer
 * has nothing to delete or re-read.
 */
@ApplicationScoped
public class RegistrationStore {
    /** The scope of customer registrations' idempotency keys in table idempotency_key. */
    public static final String IDEMPOTENCY_SCOPE = "customer";

    private static final String LOAD = "select 'K', k.idem_key, null, k.result_id from idempotency_key k"
            + " where k.scope = ? and k.idem_key = any(?::text[])"
            + " union all select p.kind, p.value, null, p.customer_id from customer_contact_point p"
            + " join unnest(?::text[], ?::text[]) as v(kind, value) on p.kind = v.kind and p.value = v.value"
            + " union all select 'X', e.system, e.external_id, e.customer_id from customer_external_id e"
            + " join unnest(?::text[], ?::text[]) as v(system, external_id) on e.system = v.system and e.external_id = v.external_id";
    private static final String INSERT_CUSTOMER =
            "insert into customer (id, version, kind, status, display_name, given_name,"
                    + " family_name, company_name, industry, company_size, address_line1, address_line2, postal_code, city, region,"
                    + " country, birth_date, locale, time_zone, owner_id, acquisition_source, referral_code, wallet_amount,"
                    + " wallet_currency, wallet_estimated_at, wallet_estimated_by, target, do_not_contact, channel_preference,"
                    + " last_activity_at, created_at, updated_at) values (?, " + NewCustomer.VERSION + ", ?, '"
                    + NewCustomer.STATUS
                    + "', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?)";

    private final Outbox outbox;
    private final ContactDigests digests;

    public RegistrationStore(Outbox outbox, ContactDigests digests) {
        this.outbox = outbox;
        this.digests = digests;
    }

    /** The stored idempotency keys and identities of the batch's applicants: one statement. */
    public RegistrationFacts load(Connection c, List<Applicant> batch) throws SQLException {
        List<String> keys = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> systems = new ArrayList<>();
        List<String> externals = new ArrayList<>();
        for (Applicant a : batch) {
            if (a.idempotencyKey() != null) {
                keys.add(a.idempotencyKey());
            }
            a.emails().forEach(e -> {
                kinds.add(Identities.EMAIL);
                values.add(e.value());
            });
            a.phones().forEach(p -> {
                kinds.add(Identities.PHONE);
                values.add(p.value());
            });
            a.externalIds().forEach(k -> {
                systems.add(k.system());
                externals.add(k.id());
            });
        }
        Map<String, UUID> replays = new HashMap<>();
        Map<String, UUID> owners = new HashMap<>();
        if (keys.isEmpty() && kinds.isEmpty() && systems.isEmpty()) {
            return new RegistrationFacts(replays, owners);
        }
        try (PreparedStatement ps = c.prepareStatement(LOAD)) {
            ps.setString(1, IDEMPOTENCY_SCOPE);
            ps.setArray(2, c.createArrayOf("text", keys.toArray()));
            ps.setArray(3, c.createArrayOf("text", kinds.toArray()));
            ps.setArray(4, c.createArrayOf("text", values.toArray()));
            ps.setArray(5, c.createArrayOf("text", systems.toArray()));
            ps.setArray(6, c.createArrayOf("text", externals.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    UUID id = rs.getObject(4, UUID.class);
                    if (kind.equals("K")) {
                        replays.put(rs.getString(2), id);
                    } else {
                        owners.put(Identities.key(kind, rs.getString(2), rs.getString(3)), id);
                    }
                }
            }
        }
        return new RegistrationFacts(replays, owners);
    }

    /** Stores the new customers with their contact points, external ids, tags, idempotency keys and events. */
    public void save(Connection c, List<NewCustomer> created) throws SQLException {
        if (created.isEmpty()) {
            return;
        }
        List<Outbox.Pending> events = new ArrayList<>(created.size());
        try (PreparedStatement customer = c.prepareStatement(INSERT_CUSTOMER);
                PreparedStatement contact =
                        c.prepareStatement("insert into customer_contact_point (id, customer_id, kind, value,"
                                + " label, is_primary) values (?, ?, ?, ?, ?, ?)");
                PreparedStatement external =
                        c.prepareStatement("insert into customer_external_id (id, customer_id, system,"
                                + " external_id) values (?, ?, ?, ?)");
                PreparedStatement tag =
                        c.prepareStatement("insert into customer_tag (customer_id, tag) values (?, ?)");
                PreparedStatement key =
                        c.prepareStatement("insert into idempotency_key (scope, idem_key, result_id, created_at)"
                                + " values (?, ?, ?, ?)")) {
            int contacts = 0;
            int externals = 0;
            int tags = 0;
            int keys = 0;
            for (NewCustomer n : created) {
                addCustomer(customer, n);
                Applicant a = n.applicant();
                for (Applicant.Contact e : a.emails()) {
                    addContact(contact, n.id(), Identities.EMAIL, e);
                    contacts++;
                }
                for (Applicant.Contact p : a.phones()) {
                    addContact(contact, n.id(), Identities.PHONE, p);
                    contacts++;
                }
                for (Applicant.ExternalKey k : a.externalIds()) {
                    external.setObject(1, UUID.randomUUID());
                    external.setObject(2, n.id());
                    external.setString(3, k.system());
                    external.setString(4, k.id());
                    external.addBatch();
                    externals++;
                }
                for (String t : a.tags()) {
                    tag.setObject(1, n.id());
                    tag.setString(2, t);
                    tag.addBatch();
                    tags++;
                }
                if (a.idempotencyKey() != null) {
                    key.setString(1, IDEMPOTENCY_SCOPE);
                    key.setString(2, a.idempotencyKey());
                    key.setObject(3, n.id());
                    key.setTimestamp(4, ts(n.createdAt()));
                    key.addBatch();
                    keys++;
                }
                events.add(new Outbox.Pending(CustomerEvents.REGISTERED, n.id(), new CustomerRegistered(snapshot(n))));
            }
            customer.executeBatch();
            if (contacts > 0) {
                contact.executeBatch();
            }
            if (externals > 0) {
                external.executeBatch();
            }
            if (tags > 0) {
                tag.executeBatch();
            }
            if (keys > 0) {
                key.executeBatch();
            }
        }
        outbox.publishAll(c, events);
    }

    /** The CustomerRegistered snapshot of a new customer (no personal data: contact points only as keyed digests). */
    public CustomerSnapshot snapshot(NewCustomer n) {
        Applicant a = n.applicant();
        Applicant.Wallet w = n.wallet();
        return new CustomerSnapshot(
                n.id().toString(),
                a.kind().name(),
                NewCustomer.STATUS.name(),
                a.locale(),
                a.timeZone(),
                a.ownerId(),
                a.referralCode(),
                w == null ? null : new Money(Amounts.format(w.amount()), w.currency()),
                a.target(),
                Map.of(),
                false,
                a.channelPreference().stream().map(Channel::name).toList(),
                n.createdAt(),
                NewCustomer.VERSION,
                digests.of(
                        a.emails().stream().map(Applicant.Contact::value).toList(),
                        a.phones().stream().map(Applicant.Contact::value).toList()));
    }

    private static void addCustomer(PreparedStatement ps, NewCustomer n) throws SQLException {
        Applicant a = n.applicant();
        Applicant.Wallet w = n.wallet();
        int i = 1;
        ps.setObject(i++, n.id());
        ps.setString(i++, a.kind().name());
        ps.setString(i++, a.displayName());
        ps.setString(i++, a.givenName());
        ps.setString(i++, a.familyName());
        ps.setString(i++, a.companyName());
        ps.setString(i++, a.industry());
        ps.setString(i++, a.companySize());
        ps.setString(i++, a.addressLine1());
        ps.setString(i++, a.addressLine2());
        ps.setString(i++, a.postalCode());
        ps.setString(i++, a.city());
        ps.setString(i++, a.region());
        ps.setString(i++, a.country());
        ps.setObject(i++, a.birthDate(), Types.DATE);
        ps.setString(i++, a.locale());
        ps.setString(i++, a.timeZone());
        ps.setString(i++, a.ownerId());
        ps.setString(i++, a.acquisitionSource());
        ps.setString(i++, a.referralCode());
        ps.setBigDecimal(i++, w == null ? null : w.amount());
        ps.setString(i++, w == null ? null : w.currency());
        ps.setTimestamp(i++, w == null ? null : ts(w.estimatedAt()));
        ps.setString(i++, w == null ? null : w.estimatedBy());
        ps.setBoolean(i++, a.target());
        ps.setString(
                i++,
                a.channelPreference().isEmpty()
                        ? null
                        : String.join(
                                ",",
                                a.channelPreference().stream()
                                        .map(Channel::name)
                                        .toList()));
        ps.setTimestamp(i++, ts(n.lastActivityAt()));
        ps.setTimestamp(i++, ts(n.createdAt()));
        ps.setTimestamp(i++, ts(n.updatedAt()));
        ps.addBatch();
    }

    private static void addContact(PreparedStatement ps, UUID id, String kind, Applicant.Contact contact)
            throws SQLException {
        ps.setObject(1, UUID.randomUUID());
        ps.setObject(2, id);
        ps.setString(3, kind);
        ps.setString(4, contact.value());
        ps.setString(5, contact.label());
        ps.setBoolean(6, contact.primary());
        ps.addBatch();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
