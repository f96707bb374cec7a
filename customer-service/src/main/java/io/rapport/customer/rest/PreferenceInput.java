package io.rapport.customer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The value of one preference, e.g. {@code long} for {@code room.pillow}. */
@Schema(examples = "{\"value\":\"long\"}")
public record PreferenceInput(@NotBlank @Size(max = 500) String value) {
}
