package com.lightpress.notifications.messages;

import static com.lightpress.notifications.preferences.Category.ACCOUNT;
import static com.lightpress.notifications.preferences.Category.BILLING;
import static com.lightpress.notifications.preferences.Category.SECURITY;
import static com.lightpress.notifications.preferences.Channel.EMAIL;
import static com.lightpress.notifications.preferences.Channel.IN_APP;

import com.lightpress.notifications.preferences.Category;
import com.lightpress.notifications.preferences.Channel;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The messages Lightpress sends. Each has a Thymeleaf template of its name for email (HTML and
 * plain text) and keys of its name in the message bundles, for the subject and the in-app title
 * and body, which take the values named by {@code arguments} in order.
 */
public enum Template {
    VERIFY_EMAIL("verify-email", ACCOUNT, true, EnumSet.of(EMAIL), null),
    SIGN_UP_ATTEMPT("sign-up-attempt", SECURITY, false, EnumSet.of(EMAIL), null),
    PASSWORD_RESET("password-reset", ACCOUNT, true, EnumSet.of(EMAIL), null),
    SECURITY_ALERT("security-alert", SECURITY, false, EnumSet.of(EMAIL, IN_APP), "#/forgot-password", "at"),
    WELCOME("welcome", ACCOUNT, false, EnumSet.of(EMAIL, IN_APP), null, "name"),
    SUBSCRIPTION_CHANGED("subscription-changed", BILLING, false, EnumSet.of(EMAIL, IN_APP), "#/billing", "plan"),
    RECEIPT("receipt", BILLING, false, EnumSet.of(EMAIL, IN_APP), "#/billing", "amount", "number"),
    PAYMENT_FAILED("payment-failed", BILLING, false, EnumSet.of(EMAIL, IN_APP), "#/billing", "amount"),
    TRIAL_ENDING("trial-ending", BILLING, false, EnumSet.of(EMAIL, IN_APP), "#/billing", "plan", "endsAt");

    private final String id;
    private final Category category;
    private final boolean transactional;
    private final Set<Channel> channels;
    private final @Nullable String route;
    private final List<String> arguments;

    Template(
            String id,
            Category category,
            boolean transactional,
            Set<Channel> channels,
            @Nullable String route,
            String... arguments) {
        this.id = id;
        this.category = category;
        this.transactional = transactional;
        this.channels = Set.copyOf(channels);
        this.route = route;
        this.arguments = List.of(arguments);
    }

    /** The name of its template files and message keys, and its part of a delivery's key. */
    public String id() {
        return id;
    }

    public Category category() {
        return category;
    }

    /**
     * Whether it always goes out, whatever the preferences and the hour: security messages, and
     * transactional ones the user is waiting for (verification, password reset).
     */
    public boolean critical() {
        return transactional || category.mandatory();
    }

    public Set<Channel> channels() {
        return channels;
    }

    /** The route of the web client an in-app notification of this kind leads to. */
    public @Nullable String route() {
        return route;
    }

    List<String> arguments() {
        return arguments;
    }
}
