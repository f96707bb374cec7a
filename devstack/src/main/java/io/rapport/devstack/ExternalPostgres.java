package io.rapport.devstack;

import java.net.URI;

/**
 * A server given by {@code RAPPORT_DB_URL} (e.g. {@code jdbc:postgresql://localhost:5432/postgres}) with
 * {@code RAPPORT_DB_USER} and {@code RAPPORT_DB_PASSWORD}. The database named in the URL is only used to
 * create the per-service databases.
 */
class ExternalPostgres extends PostgresServer {
    private final String base;
    private final String maintenance;
    private final String query;
    private final String user;
    private final String password;

    ExternalPostgres(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(
                    "RAPPORT_DB_URL must look like jdbc:postgresql://host:port/database, got " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String path = uri.getPath() == null || uri.getPath().length() <= 1 ? "/postgres" : uri.getPath();
        this.base = "jdbc:postgresql://" + uri.getRawAuthority() + "/";
        this.maintenance = path.substring(1);
        this.query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        this.user = user == null ? "postgres" : user;
        this.password = password == null ? "" : password;
    }

    @Override
    public String jdbcUrl(String database) {
        return base + database + query;
    }

    @Override
    protected String maintenanceDatabase() {
        return maintenance;
    }

    @Override
    public String username() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }
}
