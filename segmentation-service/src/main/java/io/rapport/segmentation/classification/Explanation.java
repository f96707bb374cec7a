package io.rapport.segmentation.classification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a customer is in a class: the stored class, the run and policy version whose thresholds hold it now, the policy
 * rule, the customer's figures now, those thresholds and a sentence tying them together. A run classifies every live
 * customer but writes only the classes that change, and between runs events classify against the latest run's
 * thresholds: so the class is always held by the LATEST run of its scheme. {@code runId} and {@code policyVersion}
 * cite that run; {@code decidedBy} says whether that run wrote or confirmed the class (RUN) or an event after it
 * classified the customer against its thresholds (EVENT); {@code since} is when the class last changed.
 */
@Schema(
        description = "Why a customer is in a class. runId/policyVersion: the run (and its policy version) whose "
                + "thresholds hold the class now, i.e. the latest run of the scheme, also when it did not change the class; "
                + "decidedBy: RUN (that run wrote or confirmed it) or EVENT (an event after it classified against its "
                + "thresholds). Money figures and thresholds are decimal strings with 2 decimals, scores 4.")
public record Explanation(
        String scheme,
        String classLabel,
        Instant since,
        long policyVersion,
        UUID runId,
        @Schema(enumeration = {"RUN", "EVENT"}) String decidedBy,
        String recommendedLevel,
        String rule,
        Map<String, String> figures,
        Map<String, String> thresholds,
        String reason) {}
