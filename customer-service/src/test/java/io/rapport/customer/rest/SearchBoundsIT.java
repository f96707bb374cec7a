package io.rapport.customer.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Bounded work per search: "contains" filters need at least three characters and are served by trigram indexes,
 * pages stop at offset 10,000, and the service's pooled connections carry the statement timeout.
 */
@QuarkusTest
class SearchBoundsIT {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource ds;

    @Test
    void containsSearchesShorterThanThreeCharactersAre400NamingTheField() {
        Api.json().queryParam("name", "ab").get("/api/v1/customers").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("name"));
        Api.json().queryParam("email", " x ").get("/api/v1/customers").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("email"));
        Api.json().queryParam("phone", "+4-9").get("/api/v1/customers").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("phone"));
    }

    @Test
    void threeCharactersOfAnEmailOrPhoneFindTheCustomer() {
        String email = Api.uniqueEmail();
        String phone = Api.uniquePhone();
        String id = Api.create(Api.person(email, phone));
        String part = email.substring(2, 10).toUpperCase();
        Api.json().queryParam("email", part).get("/api/v1/customers").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        Api.json().queryParam("phone", phone.substring(3)).get("/api/v1/customers").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void pagesDeeperThanTenThousandRowsAre400() {
        Api.json().queryParam("page", 51).queryParam("size", 200).get("/api/v1/customers").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("https://rapport.dev/problems/page-too-deep"))
                .body("errors[0].field", equalTo("page"));
        Api.json().queryParam("page", 50).queryParam("size", 200).get("/api/v1/customers").then().statusCode(200);
        Api.json().queryParam("page", 2_000_000).queryParam("size", 200).get("/api/v1/customers/stale").then().statusCode(400);
    }

    @Test
    void containsFiltersOnEmailPhoneAndNameCanUseTheirTrigramIndexes() throws SQLException {
        // the shapes CustomerSearch sends; with sequential and plain index scans priced out, only a trigram index serves them
        assertThat(plan("select p.customer_id from customer_contact_point p where p.kind = 'EMAIL' and p.value like '%lovelace%'"))
                .contains("customer_contact_point_value_trgm");
        assertThat(plan("select p.customer_id from customer_contact_point p where p.kind = 'PHONE' and p.value like '%491%'"))
                .contains("customer_contact_point_value_trgm");
        assertThat(plan("select c.id from customer c where lower(c.display_name) like '%lovelace%'"))
                .contains("customer_display_name_trgm");
    }

    @Test
    void pooledConnectionsCarryTheStatementTimeout() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show statement_timeout")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("15s");
        }
    }

    private String plan(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("set local enable_seqscan = off");
                s.execute("set local enable_indexscan = off");
                StringBuilder out = new StringBuilder();
                try (ResultSet rs = s.executeQuery("explain " + sql)) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
                return out.toString();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
