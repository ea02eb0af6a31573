/** Billing's reactions to the events of other modules. */
@NullMarked
package com.lightpress.billing.reactions;

import org.jspecify.annotations.NullMarked;
