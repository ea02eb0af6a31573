package com.lightpress.billing.remote;

import com.lightpress.billing.Entitlement;
import com.lightpress.billing.Entitlements;
import com.lightpress.platform.InternalApi;
import com.lightpress.users.UserId;
import org.springframework.stereotype.Component;

/** Entitlements when billing runs in another process, over billing's internal HTTP endpoint. */
@Component
class RemoteEntitlements implements Entitlements {

    private final InternalApi api;

    RemoteEntitlements(InternalApi api) {
        this.api = api;
    }

    @Override
    public Entitlement of(UserId user) {
        return api.get("billing", "/internal/billing/entitlements/{userId}", Entitlement.class, user.value())
                .orElseThrow(() -> new IllegalStateException("Billing knows no entitlements for " + user));
    }
}
