package io.rapport.segmentation.rest;

import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.domain.ValueRules;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new policy version: {@code abc} rules for scheme ABC, {@code value} rules for scheme VALUE. */
@Schema(
        description = "A new policy version for one scheme",
        examples = {"""
    {"scheme":"ABC","abc":{"metric":"SCORE","weights":{"REVENUE":0.6,"TENURE":0.4},"method":"RANK_PERCENTILE",
     "cutoffs":[5,20],"labels":["A","B","C"]}}""", """
    {"scheme":"VALUE","value":{"mvcTopPercent":"20","mgcTopPercent":"20"}}"""})
public record PolicyRequest(@NotNull Scheme scheme, AbcRules abc, ValueRules value) {}
