package io.rapport.bench.customer;

import io.rapport.devstack.DevStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts PostgreSQL and Kafka for the customer benchmark on ports away from {@code ./crm up}'s
 * (default 25432 and 29092), creates the {@code customer} database, prints the environment to start
 * customer-service with, and runs until stopped.
 *
 * <p>Arguments: {@code [dataDir] [pgPort] [kafkaPort]}.
 */
public final class CustomerBenchInfra {
    private CustomerBenchInfra() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/target/customer-bench-infra");
        int pgPort = args.length > 1 ? Integer.parseInt(args[1]) : 25432;
        int kafkaPort = args.length > 2 ? Integer.parseInt(args[2]) : 29092;
        Files.createDirectories(dir);
        DevStack stack = DevStack.start(dir, pgPort, kafkaPort, true);
        stack.postgres().ensureDatabase("customer");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }));
        System.out.println("QUARKUS_DATASOURCE_JDBC_URL=" + stack.postgres().jdbcUrl("customer"));
        System.out.println("QUARKUS_DATASOURCE_USERNAME=" + stack.postgres().username());
        System.out.println("QUARKUS_DATASOURCE_PASSWORD=" + stack.postgres().password());
        System.out.println("KAFKA_BOOTSTRAP_SERVERS=" + stack.kafkaBootstrap());
        System.out.println("CUSTOMER BENCH INFRA READY");
        System.out.flush();
        stopped.await();
    }
}
