/** What notifications keeps about a person, for the export of personal data. */
@NullMarked
package com.lightpress.notifications.privacy;

import org.jspecify.annotations.NullMarked;
