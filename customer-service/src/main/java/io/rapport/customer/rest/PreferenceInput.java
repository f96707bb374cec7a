package io.rapport.customer.rest;

import io.rapport.customer.domain.Touchpoint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The value of one preference, e.g. {@code long} for {@code room.pillow}, and the touchpoint where the customer told
 * us (API when not given).
 */
@Schema(examples = "{\"value\":\"long\",\"touchpoint\":\"STORE\"}")
public record PreferenceInput(
        @NotBlank @Size(max = 500) String value,

        @Schema(description = "Where the customer told us; API when absent", defaultValue = "API")
        Touchpoint touchpoint) {

    public Touchpoint touchpointOrDefault() {
        return touchpoint == null ? Touchpoint.API : touchpoint;
    }
}
