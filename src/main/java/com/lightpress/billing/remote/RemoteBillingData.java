package com.lightpress.billing.remote;

import com.lightpress.platform.InternalApi;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Billing's part of a user's data export (customer, subscriptions, invoices) when billing runs in another process: the export, wherever users runs, asks billing's
 * internal endpoint for it, so the document is whole however the modules are split.
 */
@Component
class RemoteBillingData implements PersonalData {

    private final InternalApi api;

    RemoteBillingData(InternalApi api) {
        this.api = api;
    }

    @Override
    public String section() {
        return "billing";
    }

    @Override
    public Object exportFor(UserId user) {
        return api.get("billing", "/internal/billing/personal-data/{userId}", Object.class, user.value())
                .orElse(Map.of());
    }
}
