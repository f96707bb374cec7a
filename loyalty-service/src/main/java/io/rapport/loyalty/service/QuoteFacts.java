package io.rapport.loyalty.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a quote needs of a member, read in one statement without loading entities or opening a transaction:
 * member number and tier, the customer's purchases not fully refunded, and the customer's segment classes.
 */
@ApplicationScoped
public class QuoteFacts {
    private final AgroalDataSource dataSource;

    public QuoteFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param classes {@code SCHEME:CLASS} labels
     * @param earlierPurchases purchases of the customer not fully refunded
     */
    public record MemberFacts(
            String memberNumber, String tierCode, int tierRank, long earlierPurchases, Set<String> classes) {}

    /** The active member of the programme for the customer, if any. */
    public Optional<MemberFacts> of(UUID programmeId, UUID customerId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select m.member_number, m.tier_code, m.tier_rank,"
                        + " (select count(*) from purchase_fact f where f.customer_id = m.customer_id and f.refunded < f.total),"
                        + " (select string_agg(s.scheme || ':' || s.class_label, ',') from customer_segment s"
                        + " where s.customer_id = m.customer_id)"
                        + " from member m where m.programme_id = ? and m.customer_id = ? and m.status = 'ACTIVE'")) {
            ps.setObject(1, programmeId);
            ps.setObject(2, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String classes = rs.getString(5);
                return Optional.of(new MemberFacts(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getLong(4),
                        classes == null ? Set.of() : Set.of(classes.split(","))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the member for a quote failed: " + e.getMessage(), e);
        }
    }
}
