/**
 * Everything about money: Stripe customers and subscriptions, invoices, the plan catalog and the
 * features each user is entitled to.
 */
@ApplicationModule(allowedDependencies = {"users", "platform"})
@NullMarked
package com.lightpress.billing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
