package com.lightpress.billing;

import com.lightpress.users.UserId;

/**
 * Billing's API for other modules: which plan's features a user is entitled to. When billing runs
 * in another process an HTTP adapter serves it.
 */
public interface Entitlements {

    Entitlement of(UserId user);
}
