package com.lightpress.billing.stripe;

import com.lightpress.billing.config.BillingSettings;
import com.lightpress.platform.PlatformSettings;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way billing reaches Stripe: a {@link StripeClient} of its own (never the SDK's global
 * key), or none when no API key is configured, in which case every call fails with {@link
 * BillingNotConfigured}. Every Stripe failure becomes a {@link StripeCallFailed}.
 */
@Component
public class StripeConnection {

    private static final Logger LOG = LoggerFactory.getLogger(StripeConnection.class);

    private final @Nullable StripeClient client;

    StripeConnection(BillingSettings settings) {
        this.client = settings.stripe().configured() ? client(settings.stripe()) : null;
        if (client == null) {
            LOG.warn("Billing is not configured (no lightpress.billing.stripe.api-key): its money endpoints answer"
                    + " 503, the plan catalog and everything else work as usual");
        }
    }

    public boolean configured() {
        return client != null;
    }

    /** Fails with {@link BillingNotConfigured} unless Stripe is configured. */
    public void requireConfigured() {
        if (client == null) {
            throw new BillingNotConfigured();
        }
    }

    /** Runs one call against Stripe, translating its failures. */
    public <T> T call(String what, Call<T> call) {
        if (client == null) {
            throw new BillingNotConfigured();
        }
        try {
            return call.on(client);
        } catch (StripeException e) {
            LOG.warn("Stripe failed to {}: {} (request {})", what, e.getMessage(), e.getRequestId());
            throw new StripeCallFailed(what, e.getStatusCode() == null ? 0 : e.getStatusCode(), e);
        }
    }

    /** Request options carrying our own idempotency key; stripe-java reuses it on its retries. */
    public static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private static StripeClient client(BillingSettings.StripeAccess settings) {
        var builder = StripeClient.builder()
                .setApiKey(settings.apiKey())
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis());
        var apiBase = settings.apiBase();
        if (apiBase != null && !apiBase.isBlank()) {
            builder.setApiBase(PlatformSettings.withoutTrailingSlash(apiBase));
        }
        return builder.build();
    }

    /** A call against the Stripe API. */
    @FunctionalInterface
    public interface Call<T> {
        T on(StripeClient stripe) throws StripeException;
    }
}
