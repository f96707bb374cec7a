package io.rapport.customer.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small JDBC helpers for the set-based bulk paths. */
final class Jdbc {
    private Jdbc() {}

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /**
     * Maps each key to the customer id owning it: {@code sql} takes two text arrays (unnest-ed) and
     * returns (key part 1, key part 2, customer id).
     */
    static Map<String, UUID> owners(Connection c, String sql, List<String> first, List<String> second)
            throws SQLException {
        Map<String, UUID> out = new HashMap<>();
        if (first.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", first.toArray()));
            ps.setArray(2, c.createArrayOf("text", second.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getObject(3, UUID.class));
                }
            }
        }
        return out;
    }

    static String key(String a, String b) {
        return a + "\u0000" + b;
    }
}
