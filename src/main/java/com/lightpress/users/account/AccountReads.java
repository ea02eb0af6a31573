package com.lightpress.users.account;

import com.lightpress.users.UserId;
import java.util.Optional;

/** Reads of one account on the paths many requests take (the profile, token claims). */
interface AccountReads {

    /**
     * The account with its roles in one statement, outside any transaction of its own. What
     * {@code findById} returns, without its second query for the roles and its general-purpose
     * mapping: on {@code GET /api/users/me} those were most of the request's work.
     */
    Optional<Account> read(UserId id);
}
