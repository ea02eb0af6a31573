package com.lightpress.billing;

import java.util.Map;
import java.util.Set;

/**
 * What a user may use right now: the plan that applies (the free plan when nothing paid
 * applies), its features and limits.
 */
public record Entitlement(String plan, Set<String> features, Map<String, Long> limits) {

    public boolean allows(String feature) {
        return features.contains(feature);
    }
}
