package com.lightpress.billing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.Set;

/**
 * What a user may use right now: the plan that applies (the free plan when nothing paid
 * applies), its features and limits.
 */
public record Entitlement(
        @Schema(example = "pro") String plan,

        @Schema(example = "[\"core\", \"exports\", \"priority-support\"]")
        Set<String> features,

        @Schema(example = "{\"projects\": 20}") Map<String, Long> limits) {

    public boolean allows(String feature) {
        return features.contains(feature);
    }
}
