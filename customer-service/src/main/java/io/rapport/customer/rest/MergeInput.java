package io.rapport.customer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The record to absorb into the survivor named in the path, and why. */
@Schema(
        examples =
                "{\"mergedId\":\"0b9f4c1e-3c55-4a8e-9a43-8f1d2a6b7c10\",\"reason\":\"same person, two shop accounts\"}")
public record MergeInput(
        @NotNull UUID mergedId, @NotBlank @Size(max = 500) String reason) {}
