package io.rapport.platform.deadletter;

import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A dead letter's consumed record as it was read from Kafka, rebuilt for a redrive. */
public record StoredRecord(UUID id, String consumer, String status, ConsumerRecord<String, String> record) {}
