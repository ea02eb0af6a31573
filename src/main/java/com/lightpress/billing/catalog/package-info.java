/** The plan catalog. */
@NullMarked
package com.lightpress.billing.catalog;

import org.jspecify.annotations.NullMarked;
