package com.lightpress.deployment;

import java.util.Map;

/** Recognises CloudFormation's intrinsic functions in a template read by {@link CloudFormationYaml}. */
final class Intrinsics {

    private Intrinsics() {}

    static boolean isIntrinsic(Object value) {
        return value instanceof Map<?, ?> map
                && map.size() == 1
                && map.keySet().iterator().next() instanceof String key
                && (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::"));
    }

    static boolean isNoValue(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && "AWS::NoValue".equals(map.get("Ref"));
    }
}
