/** Billing's HTTP endpoints and how its refusals become problem details. */
@NullMarked
package com.lightpress.billing.web;

import org.jspecify.annotations.NullMarked;
