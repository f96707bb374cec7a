package io.rapport.platform;

import io.rapport.platform.outbox.OutboxRelay;
import io.rapport.platform.outbox.RelayProducers;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A relay in its own JVM, for {@link OutboxCrashIT} to kill with SIGKILL: publishes small batches,
 * printing the running total after each, until the outbox is empty.
 * Arguments: jdbcUrl user password bootstrapServers batchSize.
 */
public final class RelayChildMain {
    private RelayChildMain() {}

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser(args[1]);
        ds.setPassword(args[2]);
        OutboxRelay relay =
                new OutboxRelay(ds, RelayProducers.create(args[3], "relay-child"), Integer.parseInt(args[4]));
        long total = 0;
        int sent;
        while ((sent = relay.publishBatch()) > 0) {
            total += sent;
            System.out.println("SENT " + total);
            System.out.flush();
            Thread.sleep(25); // slow the child down so the parent can kill it part-way
        }
        System.out.println("DONE " + total);
    }
}
