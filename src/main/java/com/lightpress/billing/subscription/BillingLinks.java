package com.lightpress.billing.subscription;

import com.lightpress.billing.config.BillingSettings;
import com.lightpress.platform.PlatformSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Where Stripe sends customers back to: configured, or the web client's billing page. */
@Component
class BillingLinks {

    private final BillingSettings.Links links;
    private final String billingPage;

    BillingLinks(BillingSettings settings, PlatformSettings platform) {
        this.links = settings.links();
        this.billingPage = platform.link("/app/#/billing");
    }

    String checkoutSuccess() {
        return or(links.checkoutSuccessUrl(), billingPage + "?checkout=success&session_id={CHECKOUT_SESSION_ID}");
    }

    String checkoutCancel() {
        return or(links.checkoutCancelUrl(), billingPage + "?checkout=canceled");
    }

    String portalReturn() {
        return or(links.portalReturnUrl(), billingPage + "?portal=closed");
    }

    private static String or(@Nullable String configured, String fallback) {
        return configured == null || configured.isBlank() ? fallback : configured;
    }
}
