/** Billing's only way to Stripe: stripe-java calls behind small interfaces. */
@NullMarked
package com.lightpress.billing.stripe;

import org.jspecify.annotations.NullMarked;
