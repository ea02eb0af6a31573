/** Stripe customers: which Stripe customer a user is. */
@NullMarked
package com.lightpress.billing.customer;

import org.jspecify.annotations.NullMarked;
