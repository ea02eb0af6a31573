/** The billing module's settings and its configuration as a whole. */
@NullMarked
package com.lightpress.billing.config;

import org.jspecify.annotations.NullMarked;
