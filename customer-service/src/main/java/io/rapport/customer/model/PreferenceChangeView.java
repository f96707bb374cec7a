package io.rapport.customer.model;

import io.rapport.customer.domain.PreferenceChange;
import io.rapport.customer.domain.Touchpoint;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of a preference: SET (oldValue null when the key was new) or REMOVED (newValue null). */
@Schema(name = "PreferenceChange", examples = """
        {"category":"room","key":"pillow","change":"SET","oldValue":"short","newValue":"long","touchpoint":"STORE",
         "actor":"front-desk-berlin","changedAt":"2026-03-01T09:30:00Z"}""")
public record PreferenceChangeView(
        String category,
        String key,
        PreferenceChange.Kind change,
        String oldValue,
        String newValue,
        Touchpoint touchpoint,

        @Schema(description = "Subject of the caller who made the change")
        String actor,

        Instant changedAt) {

    public static PreferenceChangeView of(PreferenceChange c) {
        return new PreferenceChangeView(
                c.category, c.key, c.change, c.oldValue, c.newValue, c.touchpoint, c.actor, c.changedAt);
    }
}
