/** What billing keeps about a person, for the export of personal data. */
@NullMarked
package com.lightpress.billing.privacy;

import org.jspecify.annotations.NullMarked;
