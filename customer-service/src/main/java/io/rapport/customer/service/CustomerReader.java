package io.rapport.customer.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agroal.api.AgroalDataSource;
import io.rapport.customer.domain.Amounts;
import io.rapport.customer.domain.ContactKind;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.CustomerKind;
import io.rapport.customer.domain.CustomerStatus;
import io.rapport.customer.model.CustomerInput;
import io.rapport.customer.model.CustomerView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The read path of a whole customer profile: one SQL statement per read (one round trip, index scans only)
 * returns the customer row with its tags, contact points, external ids, current consents and preferences
 * aggregated as JSON. The lookups by e-mail, phone or external id find the owner inside the same statement.
 * Gives the same view as {@link CustomerProfiles#view(Customer)}, which write paths use inside their
 * transaction; this one reads committed data outside any transaction.
 */
@ApplicationScoped
public class CustomerReader {
    /** ISO-8601 UTC with microseconds, the precision of timestamptz, parsed by Instant.parse. */
    private static final String UTC = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

    private static final String SELECT = "select c.id, c.version, c.kind, c.status, c.display_name, c.given_name,"
            + " c.family_name, c.company_name, c.industry, c.company_size, c.address_line1, c.address_line2, c.postal_code,"
            + " c.city, c.region, c.country, c.birth_date, c.locale, c.time_zone, c.owner_id, c.acquisition_source, c.referral_code,"
            + " c.wallet_amount, c.wallet_currency, c.wallet_estimated_at, c.wallet_estimated_by, c.target, c.do_not_contact,"
            + " c.channel_preference, c.merged_into, c.merged_at, c.merged_by, c.merge_reason, c.last_verified_at,"
            + " c.last_activity_at, c.created_at, c.updated_at, c.erased_at,"
            + " (select array_agg(t.tag) from customer_tag t where t.customer_id = c.id) as tags,"
            + contacts(ContactKind.EMAIL) + " as emails, " + contacts(ContactKind.PHONE) + " as phones,"
            + " (select json_agg(json_build_object('system', e.system, 'id', e.external_id) order by e.system, e.external_id)"
            + " from customer_external_id e where e.customer_id = c.id) as external_ids,"
            + " (select json_agg(json_build_object('channel', s.channel, 'granted', s.granted, 'source', s.source,"
            + " 'decidedAt', " + utc("s.decided_at") + ") order by s.channel) from customer_consent s"
            + " where s.customer_id = c.id) as consents,"
            + " (select json_agg(json_build_object('category', f.category, 'key', f.pref_key, 'value', f.pref_value,"
            + " 'setBy', f.set_by, 'setAt', " + utc("f.set_at") + ", 'touchpoint', f.touchpoint, 'updatedBy', f.set_by,"
            + " 'updatedAt', " + utc("f.set_at") + ") order by f.category, f.pref_key)"
            + " from customer_preference f where f.customer_id = c.id) as preferences"
            + " from customer c where c.id = ";
    private static final String BY_ID = SELECT + "?";
    private static final String BY_CONTACT =
            SELECT + "(select p.customer_id from customer_contact_point p where p.kind = ? and p.value = ?)";
    private static final String BY_EXTERNAL =
            SELECT + "(select e.customer_id from customer_external_id e where e.system = ? and e.external_id = ?)";

    private final AgroalDataSource dataSource;
    private final ObjectReader contactList;
    private final ObjectReader externalIdList;
    private final ObjectReader consentList;
    private final ObjectReader preferenceList;

    public CustomerReader(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.contactList = json.readerFor(new TypeReference<List<CustomerView.ContactView>>() {});
        this.externalIdList = json.readerFor(new TypeReference<List<CustomerView.ExternalIdView>>() {});
        this.consentList = json.readerFor(new TypeReference<List<CustomerView.ConsentView>>() {});
        this.preferenceList = json.readerFor(new TypeReference<List<CustomerView.PreferenceView>>() {});
    }

    public Optional<CustomerView> byId(UUID id) {
        return read(BY_ID, id);
    }

    /** The owner of a normalised e-mail or phone. */
    public Optional<CustomerView> byContact(ContactKind kind, String normalisedValue) {
        return read(BY_CONTACT, kind.name(), normalisedValue);
    }

    public Optional<CustomerView> byExternalId(String system, String externalId) {
        return read(BY_EXTERNAL, system, externalId);
    }

    private Optional<CustomerView> read(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read customer", e);
        }
    }

    private CustomerView view(ResultSet rs) throws SQLException {
        String companyName = rs.getString("company_name");
        BigDecimal wallet = rs.getBigDecimal("wallet_amount");
        UUID mergedInto = rs.getObject("merged_into", UUID.class);
        return new CustomerView(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                CustomerKind.valueOf(rs.getString("kind")),
                CustomerStatus.valueOf(rs.getString("status")),
                rs.getString("display_name"),
                rs.getString("given_name"),
                rs.getString("family_name"),
                companyName == null
                        ? null
                        : new CustomerInput.Organisation(
                                companyName, rs.getString("industry"), rs.getString("company_size")),
                list(contactList, rs.getString("emails")),
                list(contactList, rs.getString("phones")),
                address(rs),
                rs.getObject("birth_date", java.time.LocalDate.class),
                rs.getString("locale"),
                rs.getString("time_zone"),
                rs.getString("owner_id"),
                tags(rs.getArray("tags")),
                rs.getString("acquisition_source"),
                rs.getString("referral_code"),
                wallet == null
                        ? null
                        : new CustomerView.WalletView(
                                Amounts.format(wallet),
                                rs.getString("wallet_currency"),
                                instant(rs, "wallet_estimated_at"),
                                rs.getString("wallet_estimated_by")),
                rs.getBoolean("target"),
                list(externalIdList, rs.getString("external_ids")),
                list(consentList, rs.getString("consents")),
                rs.getBoolean("do_not_contact"),
                Customer.channels(rs.getString("channel_preference")).stream()
                        .map(Enum::name)
                        .toList(),
                list(preferenceList, rs.getString("preferences")),
                mergedInto,
                mergedInto == null
                        ? null
                        : new CustomerView.MergeView(
                                mergedInto,
                                rs.getString("merged_by"),
                                instant(rs, "merged_at"),
                                rs.getString("merge_reason")),
                instant(rs, "last_verified_at"),
                instant(rs, "last_activity_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "erased_at"));
    }

    private static CustomerInput.Address address(ResultSet rs) throws SQLException {
        String line1 = rs.getString("address_line1");
        String line2 = rs.getString("address_line2");
        String postalCode = rs.getString("postal_code");
        String city = rs.getString("city");
        String region = rs.getString("region");
        String country = rs.getString("country");
        if (line1 == null && line2 == null && postalCode == null && city == null && region == null && country == null) {
            return null;
        }
        return new CustomerInput.Address(line1, line2, postalCode, city, region, country);
    }

    /** Tags sorted in natural String order (stable, unlike the entity's hash-ordered set). */
    private static List<String> tags(Array array) throws SQLException {
        if (array == null) {
            return new ArrayList<>();
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (Object o : (Object[]) array.getArray()) {
            sorted.add((String) o);
        }
        return new ArrayList<>(sorted);
    }

    private static <T> List<T> list(ObjectReader reader, String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String contacts(ContactKind kind) {
        return " (select json_agg(json_build_object('value', p.value, 'label', p.label, 'primary', p.is_primary)"
                + " order by p.is_primary desc, p.value) from customer_contact_point p where p.customer_id = c.id"
                + " and p.kind = '" + kind.name() + "')";
    }

    private static String utc(String column) {
        return "to_char(" + column + " at time zone 'UTC', " + UTC + ")";
    }
}
