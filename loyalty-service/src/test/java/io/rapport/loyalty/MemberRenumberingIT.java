package io.rapport.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V20 on a database with members numbered the old way: every member gets a random number and keeps the old
 * one as its legacy number. Runs the service's migrations into a scratch schema of the test database.
 */
@QuarkusTest
class MemberRenumberingIT {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void existingMembersAreRenumberedAndKeepTheirOldNumberForStaff() throws Exception {
        String schema = "v20_" + Long.toHexString(System.nanoTime());
        Flyway v1 = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/migration")
                .target("1")
                .load();
        v1.migrate();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("insert into " + schema
                    + ".programme values ('00000000-0000-0000-0000-000000000001', 'HAIER', 'Haier', 'EUR', 1,"
                    + " 'POINTS_EARNED', 12, 24, 30, 0, 0, null, null, now(), 0)");
            for (int i = 1; i <= 50; i++) {
                s.execute("insert into " + schema
                        + ".member (id, programme_id, customer_id, member_number, status, tier_code, tier_rank,"
                        + " period_start, period_end, points_balance, enrolled_at) values (gen_random_uuid(),"
                        + " '00000000-0000-0000-0000-000000000001', gen_random_uuid(), 'HAIER-"
                        + String.format("%08d", i)
                        + "', 'ACTIVE', 'SILVER', 0, now(), now(), " + i + ", now())");
            }
        }
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/migration")
                .target("20")
                .load()
                .migrate();

        List<String[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select member_number, legacy_member_number, points_debt from " + schema
                    + ".member order by points_balance")) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            s.execute("drop schema " + schema + " cascade");
        }
        assertThat(rows).hasSize(50);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)[0]).matches("HAIER-[0-9A-HJKMNP-TV-Z]{12}");
            assertThat(rows.get(i)[1]).isEqualTo("HAIER-" + String.format("%08d", i + 1));
            assertThat(rows.get(i)[2]).isEqualTo("0");
        }
        assertThat(rows.stream().map(r -> r[0]).distinct()).hasSize(50);
    }
}
