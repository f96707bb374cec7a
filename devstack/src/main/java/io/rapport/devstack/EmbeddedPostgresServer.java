package io.rapport.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 started from the zonky binaries, its data and unpacked binaries under the
 * project's {@code .rapport/} folder. With {@code keepData} the data directory survives a restart.
 * {@link #restart()} restarts the server process in place (the fault harness's "PostgreSQL restart").
 */
final class EmbeddedPostgresServer extends PostgresServer {
    private final EmbeddedPostgres pg;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres pg, Path dataDir) {
        this.pg = pg;
        this.dataDir = dataDir;
    }

    static EmbeddedPostgresServer start(int port, Path dataDir, boolean keepData) {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(ProjectDirs.create(dataDir).toFile())
                    .setCleanDataDirectory(!keepData)
                    .setOverrideWorkingDirectory(
                            ProjectDirs.create(ProjectDirs.rapportDir().resolve("pg-bin"))
                                    .toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", keepData ? "on" : "off")
                    .setServerConfig("synchronous_commit", keepData ? "on" : "off")
                    .start();
            return new EmbeddedPostgresServer(pg, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    public int port() {
        return pg.getPort();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + database;
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    /**
     * Restarts the server process in place: a fast shutdown (SIGINT to the postmaster: every open connection is
     * terminated with SQLSTATE 57P01), {@code downtime} during which connections are refused, then the same server
     * binary with the same arguments ({@code postmaster.opts}) on the same port and data. Works without {@code pg_ctl},
     * which refuses to run as root.
     */
    @Override
    public synchronized void restart(Duration downtime) {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-restart.log");
        try {
            List<String> command = postmasterCommand();
            long pid = Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -INT " + pid + " failed");
            }
            ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (postmaster != null && postmaster.isAlive() || Files.exists(dataDir.resolve("postmaster.pid"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL (pid " + pid + ") did not stop in 60 s");
                }
                Thread.sleep(50);
            }
            Thread.sleep(downtime.toMillis());
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            waitUntilAccepting(Duration.ofSeconds(60), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart PostgreSQL in " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting PostgreSQL", e);
        }
    }

    /** The command line the running postmaster was started with, from {@code postmaster.opts}. */
    private List<String> postmasterCommand() throws IOException {
        String opts = Files.readString(dataDir.resolve("postmaster.opts")).trim();
        List<String> args = new java.util.ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        if (args.isEmpty()) {
            throw new IllegalStateException("empty postmaster.opts in " + dataDir);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; the embedded server started the same way (a user namespace)
            args.addAll(0, List.of("unshare", "-U"));
        }
        return args;
    }

    private void waitUntilAccepting(Duration timeout, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (java.sql.Connection c =
                    java.sql.DriverManager.getConnection(jdbcUrl("postgres"), username(), password())) {
                return;
            } catch (java.sql.SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "PostgreSQL did not come back in " + timeout + ": " + e.getMessage() + "; see " + log);
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
