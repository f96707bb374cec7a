package io.rapport.contracts;

import java.util.List;

/** Kafka topic names: one topic per owning service, each with a dead-letter topic beside it. */
public final class Topics {
    public static final String CUSTOMER = "customer.events";
    public static final String SEGMENTATION = "segmentation.events";
    public static final String ENGAGEMENT = "engagement.events";
    public static final String LOYALTY = "loyalty.events";

    /** Suffix of the dead-letter topic of a topic: poison records land in {@code <topic>.dlq}. */
    public static final String DLQ_SUFFIX = ".dlq";

    public static final List<String> ALL = List.of(CUSTOMER, SEGMENTATION, ENGAGEMENT, LOYALTY);

    private Topics() {}

    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /** Every topic and its dead-letter topic. */
    public static List<String> allWithDlq() {
        return ALL.stream().flatMap(t -> java.util.stream.Stream.of(t, dlq(t))).toList();
    }
}
