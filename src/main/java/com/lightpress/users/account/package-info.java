/** Accounts: profiles, roles, settings and status. */
@NullMarked
package com.lightpress.users.account;

import org.jspecify.annotations.NullMarked;
