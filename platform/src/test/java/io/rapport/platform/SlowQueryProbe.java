package io.rapport.platform;

import io.agroal.api.AgroalDataSource;
import io.rapport.platform.persistence.StatementTimeouts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Deliberately slow statements, through Hibernate, plain JDBC and a background job's transaction. */
@Path("/probe/slow")
public class SlowQueryProbe {
    private final Sleeper sleeper;

    public SlowQueryProbe(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    @GET
    @Path("/hibernate")
    public long hibernate(@QueryParam("seconds") double seconds) {
        return sleeper.hibernate(seconds);
    }

    @GET
    @Path("/jdbc")
    public long jdbc(@QueryParam("seconds") double seconds) {
        return sleeper.jdbc(seconds);
    }

    @POST
    @Path("/job")
    public long job(@QueryParam("seconds") double seconds) throws SQLException {
        return sleeper.job(seconds);
    }

    @GET
    @Path("/timeout")
    public String timeout() {
        return sleeper.currentTimeout();
    }

    @ApplicationScoped
    public static class Sleeper {
        private final EntityManager em;
        private final AgroalDataSource dataSource;
        private final StatementTimeouts timeouts;

        public Sleeper(EntityManager em, AgroalDataSource dataSource, StatementTimeouts timeouts) {
            this.em = em;
            this.dataSource = dataSource;
            this.timeouts = timeouts;
        }

        @Transactional
        public long hibernate(double seconds) {
            return ((Number) em.createNativeQuery("select count(*) from pg_sleep(?1)")
                            .setParameter(1, seconds)
                            .getSingleResult())
                    .longValue();
        }

        /** Plain JDBC, its failure wrapped as services do (CustomerReader, segmentation's Db). */
        public long jdbc(double seconds) {
            try (Connection c = dataSource.getConnection()) {
                return sleep(c, seconds);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read", e);
            }
        }

        /** A background job's statement: the job limit holds for this transaction only. */
        @Transactional
        public long job(double seconds) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                timeouts.allowJob(c);
                return sleep(c, seconds);
            }
        }

        public String currentTimeout() {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("show statement_timeout");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static long sleep(Connection c, double seconds) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from pg_sleep(?)")) {
                ps.setDouble(1, seconds);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }
}
