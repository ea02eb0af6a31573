package com.lightpress.users.account;

import com.lightpress.users.UserId;
import java.util.Optional;

/** How {@link AccountManagement} reads one account: the profile, token claims, and before each change. */
interface AccountReads {

    /**
     * The account with its roles in one statement, which needs no transaction and joins one where
     * there is one. What {@code findById} returns, without its second query for the roles and its
     * general-purpose mapping: on {@code GET /api/users/me} those were most of the request's work.
     */
    Optional<Account> read(UserId id);
}
