package io.rapport.segmentation.classification;

import java.time.Instant;
import java.util.UUID;

/** A customer's stored class in one scheme; runId null when an event between runs set it. */
public record CustomerClass(String scheme, String classLabel, long policyVersion, UUID runId, Instant since) {}
