/** Stripe's webhooks: checked, recorded once and applied. */
@NullMarked
package com.lightpress.billing.webhook;

import org.jspecify.annotations.NullMarked;
