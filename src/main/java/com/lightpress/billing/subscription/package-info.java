/** Subscriptions: checkout, plan changes, entitlements and reconciliation with Stripe. */
@NullMarked
package com.lightpress.billing.subscription;

import org.jspecify.annotations.NullMarked;
