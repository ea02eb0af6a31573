package com.lightpress.auth.reactions;

import com.lightpress.auth.credentials.CredentialLifecycle;
import com.lightpress.users.AccountClosed;
import com.lightpress.users.AccountDisabled;
import com.lightpress.users.AccountEnabled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Auth's part of the account lifecycle that users decides; each step can run again harmlessly. */
@Component
class AccountLifecycle {

    private final CredentialLifecycle credentials;

    AccountLifecycle(CredentialLifecycle credentials) {
        this.credentials = credentials;
    }

    /** A closed account's credential is erased and every token it holds revoked. */
    @ApplicationModuleListener
    void on(AccountClosed event) {
        credentials.erase(event.userId());
    }

    /** A disabled account may not log in, and its tokens are revoked. */
    @ApplicationModuleListener
    void on(AccountDisabled event) {
        credentials.disable(event.userId());
    }

    @ApplicationModuleListener
    void on(AccountEnabled event) {
        credentials.enable(event.userId());
    }
}
