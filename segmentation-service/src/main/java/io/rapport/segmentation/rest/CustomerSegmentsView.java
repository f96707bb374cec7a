package io.rapport.segmentation.rest;

import io.rapport.segmentation.classification.Explanation;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A customer's value profile (trailing window and lifetime) and current classes with their explanation.
 * {@code mergedInto} is set when this id was merged into another record (the survivor holds the figures).
 */
@Schema(description = "Value profile and current classes of one customer", examples = """
        {"customerId":"6f1c2f9e-2b7a-4a43-9d1e-0c3c2b1a9e10","kind":"CONSUMER","target":false,"windowFrom":"2025-12-01","windowMonths":12,"window":{"currency":"EUR","revenue":"1200.00"},
         "lifetime":{"currency":"EUR","revenue":"3400.00"},
         "classes":[{"scheme":"ABC","classLabel":"A","policyVersion":2,"runId":"0b7e4c1a-3f2d-4e5a-9c8b-7a6d5e4f3a2b",
         "decidedBy":"RUN","recommendedLevel":"PROACTIVE","figures":{"revenue":"1200.00","refunds":"50.00","netRevenue":"1150.00"},
         "thresholds":{"A":"900.00","B":"150.00"},"reason":"..."}]}""")
public record CustomerSegmentsView(
        UUID customerId,
        String kind,
        boolean target,
        UUID mergedInto,
        boolean erased,
        LocalDate windowFrom,
        int windowMonths,
        FiguresView window,
        FiguresView lifetime,
        List<Explanation> classes) {}
