package io.rapport.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A module of the build that produces a container image (it depends on quarkus-container-image-jib). */
record ServiceModule(String dir, AppProperties props, boolean usesPlatform) {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern CHANNEL_KEY =
            Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.(\"[^\"]+\"|[^.]+)\\.(.+)$");

    /** Every image-producing module listed in the root pom, read from the source tree. */
    static List<ServiceModule> all() {
        Path root = Repo.root();
        List<ServiceModule> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(read(root.resolve("pom.xml")));
        while (m.find()) {
            String dir = m.group(1).trim();
            Path pom = root.resolve(dir).resolve("pom.xml");
            if (!Files.isRegularFile(pom)) {
                continue;
            }
            String pomText = read(pom);
            if (!pomText.contains("<artifactId>quarkus-container-image-jib</artifactId>")) {
                continue;
            }
            boolean platform = pomText.contains("<artifactId>rapport-platform</artifactId>");
            AppProperties props = AppProperties.load(
                    root.resolve("platform-web/src/main/resources/META-INF/microprofile-config.properties"),
                    platform
                            ? root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")
                            : root.resolve("no-such-file"),
                    root.resolve(dir).resolve("src/main/resources/application.properties"));
            modules.add(new ServiceModule(dir, props, platform));
        }
        return modules;
    }

    /** quarkus.application.name: the Deployment, Service, image and Kafka user of this module carry it. */
    String appName() {
        return props.get("quarkus.application.name").orElse(dir);
    }

    /** The image repository the build produces: {@code <group>/<name>} (the registry is chosen at deploy time). */
    String imageRepository() {
        String group = props.get("quarkus.container-image.group")
                .orElseThrow(() -> new AssertionError("quarkus.container-image.group is not configured for " + dir));
        return group + "/" + props.get("quarkus.container-image.name").orElse(appName());
    }

    /** The topic this service publishes through its outbox: the one named after it (customer-service: customer.events). */
    Optional<String> outboxTopic() {
        if (!usesPlatform) {
            return Optional.empty();
        }
        String prefix = appName().replaceFirst("-service$", "");
        return io.rapport.contracts.Topics.ALL.stream()
                .filter(t -> t.equals(prefix + ".events"))
                .findFirst();
    }

    /** Kafka channels of this service (SmallRye defaults applied: topic = channel name, group = application name). */
    List<Channel> kafkaChannels(Map<String, String> env) {
        Map<String, String> raw = props.raw();
        Map<String, Channel> channels = new TreeMap<>();
        for (String key : raw.keySet()) {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (!m.matches()) {
                continue;
            }
            String direction = m.group(1);
            String name = m.group(2).replace("\"", "");
            String prefix = "mp.messaging." + direction + "." + m.group(2) + ".";
            String connector = props.get(prefix + "connector", env)
                    .or(() -> props.get("mp.messaging." + direction + ".connector", env))
                    .orElse("smallrye-kafka");
            if (!connector.equals("smallrye-kafka")) {
                continue;
            }
            String topic = props.get(prefix + "topic", env).orElse(name);
            String group = props.get(prefix + "group.id", env)
                    .or(() -> props.get("kafka.group.id", env))
                    .orElse(appName());
            boolean dlq = props.get(prefix + "failure-strategy", env)
                    .filter("dead-letter-queue"::equals)
                    .isPresent();
            // the platform inbox dead-letters a record of any consumed topic itself: the outbox relay writes its copy
            // to <topic>.dlq, whatever the channel's failure strategy
            Optional<String> dlqTopic = dlq
                    ? Optional.of(
                            props.get(prefix + "dead-letter-queue.topic", env).orElse("dead-letter-topic-" + name))
                    : direction.equals("incoming") ? Optional.of(topic + ".dlq") : Optional.empty();
            channels.put(
                    direction + ":" + name, new Channel(name, direction.equals("incoming"), topic, group, dlqTopic));
        }
        return List.copyOf(channels.values());
    }

    record Channel(String name, boolean incoming, String topic, String groupId, Optional<String> dlqTopic) {}

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
