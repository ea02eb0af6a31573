/** Accounts: profiles, roles, settings and status, and the users module's settings. */
@NullMarked
package com.lightpress.users.account;

import org.jspecify.annotations.NullMarked;
