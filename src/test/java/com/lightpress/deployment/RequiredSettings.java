package com.lightpress.deployment;

import com.lightpress.platform.modules.ModuleActivation;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings, as environment variables, that a Lightpress process needs to run the given
 * modules in a real deployment: compose, the ECS task definition and the CDS training run are all
 * checked against this one list. It mirrors the configuration contract the modules share.
 */
final class RequiredSettings {

    static final Set<String> EVERY_PROCESS = Set.of(
            "LIGHTPRESS_MODULES_LOCAL",
            "LIGHTPRESS_PLATFORM_SCHEMA",
            "LIGHTPRESS_PLATFORM_PUBLIC_URL",
            "SPRING_DATASOURCE_URL",
            "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD",
            "SPRING_CLOUD_AWS_REGION_STATIC",
            "LIGHTPRESS_PLATFORM_SQS_QUEUE_PREFIX",
            "LIGHTPRESS_PLATFORM_SQS_CREATE_QUEUES",
            "LIGHTPRESS_AUTH_INTERNAL_CLIENT_SECRET");

    static final Map<String, Set<String>> BY_MODULE = Map.of(
            "users", Set.of(),
            "auth", Set.of("LIGHTPRESS_AUTH_KEY_ENCRYPTION_KEY"),
            "billing", Set.of("LIGHTPRESS_BILLING_STRIPE_API_KEY", "LIGHTPRESS_BILLING_STRIPE_WEBHOOK_SECRET"),
            "notifications",
                    Set.of(
                            "SPRING_MAIL_HOST",
                            "SPRING_MAIL_PORT",
                            "LIGHTPRESS_NOTIFICATIONS_FROM",
                            "LIGHTPRESS_NOTIFICATIONS_UNSUBSCRIBE_SECRET"));

    /** What a process on a laptop additionally needs to talk to the local stand-ins instead of AWS and Stripe. */
    static final Set<String> LOCAL_STAND_INS = Set.of(
            "SPRING_CLOUD_AWS_SQS_ENDPOINT",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "LIGHTPRESS_BILLING_STRIPE_API_BASE");

    /** Settings that carry a secret: in AWS they come from Secrets Manager, never as plain values. */
    static final Set<String> SECRETS = Set.of(
            "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD",
            "LIGHTPRESS_AUTH_INTERNAL_CLIENT_SECRET",
            "LIGHTPRESS_NOTIFICATIONS_UNSUBSCRIBE_SECRET",
            "LIGHTPRESS_AUTH_KEY_ENCRYPTION_KEY",
            "LIGHTPRESS_BILLING_STRIPE_API_KEY",
            "LIGHTPRESS_BILLING_STRIPE_WEBHOOK_SECRET",
            "SPRING_MAIL_USERNAME",
            "SPRING_MAIL_PASSWORD");

    private RequiredSettings() {}

    static Set<String> forModules(Collection<String> local) {
        if (!BY_MODULE.keySet().equals(Set.copyOf(ModuleActivation.MODULES))) {
            throw new AssertionError("RequiredSettings.BY_MODULE must name exactly " + ModuleActivation.MODULES);
        }
        var required = new TreeSet<>(EVERY_PROCESS);
        local.forEach(module -> required.addAll(BY_MODULE.get(module)));
        ModuleActivation.MODULES.stream()
                .filter(module -> !local.contains(module))
                .forEach(module -> required.add(remoteUrl(module)));
        return required;
    }

    static String remoteUrl(String module) {
        return "LIGHTPRESS_MODULES_REMOTE_" + module.toUpperCase(Locale.ROOT) + "_URL";
    }

    static List<String> modules(String commaSeparated) {
        return List.of(commaSeparated.split(","));
    }
}
