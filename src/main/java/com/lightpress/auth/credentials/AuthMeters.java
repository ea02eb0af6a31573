package com.lightpress.auth.credentials;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Auth in figures for the operations dashboard: logins by outcome, sign-ups by whether the
 * address was new, and access tokens issued by grant. Counters are per instance; the dashboard
 * sums them.
 */
@Component
public class AuthMeters {

    private final MeterRegistry meters;

    AuthMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** @param outcome {@code success}, {@code refused} or {@code busy} (no hashing capacity) */
    public void login(String outcome) {
        counter("lightpress.logins", "Logins through the login form, by outcome", "outcome", outcome)
                .increment();
    }

    void signUp(boolean newAddress) {
        counter(
                        "lightpress.signups",
                        "Sign-ups, by whether the address was new or already registered",
                        "outcome",
                        newAddress ? "new" : "existing")
                .increment();
    }

    public void tokenIssued(String grant) {
        counter("lightpress.tokens.issued", "Access tokens issued, by grant type", "grant", grant)
                .increment();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(meters);
    }
}
