package com.lightpress.users.account;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an account search, with the opaque cursor of the next page (null on the last page).
 */
public record AccountPage(List<AccountView> items, @Nullable String nextCursor) {}
