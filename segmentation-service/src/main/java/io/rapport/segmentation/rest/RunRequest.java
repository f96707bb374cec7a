package io.rapport.segmentation.rest;

import io.rapport.segmentation.domain.Scheme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which scheme to recompute; null or an absent body recomputes every scheme. */
@Schema(description = "A full recompute on demand", examples = "{\"scheme\":\"ABC\"}")
public record RunRequest(Scheme scheme) {}
