/** What billing keeps about a person: the export and the erasure when an account closes. */
@NullMarked
package com.lightpress.billing.privacy;

import org.jspecify.annotations.NullMarked;
