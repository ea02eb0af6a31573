/** What notifications keeps about a person: the export and the erasure when an account closes. */
@NullMarked
package com.lightpress.notifications.account;

import org.jspecify.annotations.NullMarked;
