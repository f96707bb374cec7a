package io.rapport.customer.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The duplicate candidate query at 50,000 customers whose names come from a small vocabulary (so that a common given
 * name makes thousands of them trigram-similar), inside a transaction that is rolled back. Before issue 18's change
 * the query read every live customer with a similar name (about 2,000 rows, 1,000 buffers, 36 ms per entry with an
 * address) and kept the 20 most similar, so a real duplicate could lose its place to 20 namesakes without any other
 * signal; now it reads the customers that share a birth date or the address digits first.
 */
@QuarkusTest
class DuplicateCandidatesIT {
    private static final UUID NEW = UUID.fromString("7fffffff-0000-4000-8000-000000000001");
    private static final UUID TWIN = UUID.fromString("ffffffff-0000-4000-8000-000000000002");

    @Inject
    AgroalDataSource ds;

    @Inject
    ObjectMapper json;

    @Test
    void atScaleTheCandidateQueryOfANewCustomerReadsAFewBuffers() throws Exception {
        long buffers = atScale(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("explain (analyze, buffers, format json) " + DuplicateDetector.CANDIDATE_SQL)) {
                ps.setArray(1, c.createArrayOf("uuid", new Object[] {NEW}));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    JsonNode plan = json.readTree(rs.getString(1)).get(0).get("Plan");
                    return plan.get("Shared Hit Blocks").asLong()
                            + plan.get("Shared Read Blocks").asLong();
                }
            }
        });
        System.out.println("duplicate candidates at 50,000 customers: " + buffers + " buffers");
        assertThat(buffers).isLessThan(100);
    }

    @Test
    void aTwinWithTheSameAddressIsACandidateAlsoBehindTwentyNamesakesWithoutAnotherSignal() throws Exception {
        List<UUID> candidates = atScale(c -> {
            List<UUID> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(DuplicateDetector.CANDIDATE_SQL)) {
                ps.setArray(1, c.createArrayOf("uuid", new Object[] {NEW}));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getObject(9, UUID.class));
                    }
                }
            }
            return out;
        });
        // the twin (same name, street line and postal code) sorts after 25 namesakes without any other signal, which
        // DuplicateRule never suggests: before, the 20 most similar names were all namesakes and the twin was missed
        assertThat(candidates).contains(TWIN);
    }

    private interface Probe<T> {
        T run(Connection c) throws Exception;
    }

    private <T> T atScale(Probe<T> probe) throws Exception {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                seed(s);
                return probe.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static void seed(Statement s) throws SQLException {
        s.execute("set local statement_timeout = 0");
        String given = "array['Ada','Grace','Alan','Linus','Barbara','Edsger','Donald','Ken','Dennis','Margaret',"
                + "'John','Mary','Peter','Anna','Thomas','Maria','Michael','Julia','Stefan','Laura']";
        String family = "array['Lovelace','Hopper','Turing','Torvalds','Liskov','Dijkstra','Knuth','Thompson',"
                + "'Ritchie','Hamilton','Smith','Miller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner',"
                + "'Becker','Schulz','Hoffmann','Koch','Richter','Klein','Wolf','Neumann','Braun','Zimmermann',"
                + "'Krause','Hartmann','Lange','Werner','Lehmann','Walter','Maier','Mayer','Kaiser','Fuchs','Peters','Lang']";
        s.execute("insert into customer (id, version, kind, status, display_name, address_line1, postal_code, city,"
                + " country, birth_date, target, do_not_contact, created_at, updated_at)"
                + " select gen_random_uuid(), 0, 'CONSUMER', 'ACTIVE', (" + given + ")[1 + g % 20] || ' ' || ("
                + family + ")[1 + (g / 7) % 40] || case when g % 3 = 0 then '' else '-' || (g % 997)::text end,"
                + " case when g % 2 = 0 then (g % 300) || ' Main St' end,"
                + " case when g % 2 = 0 then lpad((g % 500)::text, 5, '1') end, 'Berlin', 'DE',"
                + " case when g % 3 = 0 then date '1950-01-01' + (g % 20000) end, false, false, now(), now()"
                + " from generate_series(1, 50000) g");
        // 25 namesakes of the new customer without address or birth date, ids before the twin's
        s.execute("insert into customer (id, version, kind, status, display_name, target, do_not_contact, created_at,"
                + " updated_at) select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 0, 'CONSUMER',"
                + " 'ACTIVE', 'Grace Hopper', false, false, now(), now() from generate_series(1, 25) g");
        s.execute("insert into customer (id, version, kind, status, display_name, address_line1, postal_code, city,"
                + " country, birth_date, target, do_not_contact, created_at, updated_at) values"
                + " ('" + TWIN + "', 0, 'CONSUMER', 'ACTIVE', 'Grace Hopper', '12 Main St.', '11012', 'Berlin', 'DE',"
                + " null, false, false, now(), now()),"
                + " ('" + NEW + "', 0, 'CONSUMER', 'ACTIVE', 'Grace Hopper', '12 Main St', '11012', 'Berlin', 'DE',"
                + " date '1980-03-13', false, false, now(), now())");
        s.execute("select gin_clean_pending_list('customer_display_name_trgm'::regclass)");
        s.execute("analyze customer");
    }
}
