/** Stand-ins for billing's API where billing runs in another process. */
@NullMarked
package com.lightpress.billing.remote;

import org.jspecify.annotations.NullMarked;
