/** The plan catalog and billing's settings. */
@NullMarked
package com.lightpress.billing.catalog;

import org.jspecify.annotations.NullMarked;
