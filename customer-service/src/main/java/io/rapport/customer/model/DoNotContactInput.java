package io.rapport.customer.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sets or lifts the do-not-contact flag, which overrides every channel consent. */
@Schema(examples = "{\"doNotContact\":true,\"source\":\"phone-call\"}")
public record DoNotContactInput(
        @NotNull Boolean doNotContact,
        @NotBlank @Size(max = 100) String source) {}
