package io.rapport.platform.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a redrive did. */
@Schema(description = "Outcome of a redrive")
public record RedriveResult(
        @Schema(description = "Dead letters redriven (applied or found already applied)")
        int redriven,

        @Schema(description = "Applied now") int applied,

        @Schema(description = "Already applied before (the inbox knew the event id): no second effect")
        int alreadyApplied,

        @Schema(description = "Failed again; they stay PENDING with the new error")
        int failed) {

    RedriveResult plus(RedriveResult o) {
        return new RedriveResult(
                redriven + o.redriven, applied + o.applied, alreadyApplied + o.alreadyApplied, failed + o.failed);
    }

    static final RedriveResult NONE = new RedriveResult(0, 0, 0, 0);
    static final RedriveResult APPLIED = new RedriveResult(1, 1, 0, 0);
    static final RedriveResult ALREADY_APPLIED = new RedriveResult(1, 0, 1, 0);
    static final RedriveResult FAILED = new RedriveResult(0, 0, 0, 1);
}
