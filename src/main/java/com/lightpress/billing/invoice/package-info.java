/** Billing's mirror of Stripe invoices, read page by page. */
@NullMarked
package com.lightpress.billing.invoice;

import org.jspecify.annotations.NullMarked;
