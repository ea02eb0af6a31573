package com.lightpress.auth.credentials;

import com.lightpress.users.AccountClosed;
import com.lightpress.users.AccountDisabled;
import com.lightpress.users.AccountEnabled;
import com.lightpress.users.UserId;
import java.util.function.Consumer;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Auth's part of the account lifecycle that users decides. */
@Component
class AccountLifecycle {

    private final CredentialRepository credentials;
    private final Authorizations authorizations;

    AccountLifecycle(CredentialRepository credentials, Authorizations authorizations) {
        this.credentials = credentials;
        this.authorizations = authorizations;
    }

    /** A closed account's credential is erased and every token it holds revoked. */
    @ApplicationModuleListener
    void on(AccountClosed event) {
        authorizations.revokeAll(event.userId());
        credentials.deleteById(event.userId());
    }

    /** A disabled account may not log in, and its tokens are revoked. */
    @ApplicationModuleListener
    void on(AccountDisabled event) {
        update(event.userId(), Credential::disable);
        authorizations.revokeAll(event.userId());
    }

    @ApplicationModuleListener
    void on(AccountEnabled event) {
        update(event.userId(), Credential::enable);
    }

    private void update(UserId user, Consumer<Credential> change) {
        credentials.findForUpdateById(user).ifPresent(credential -> {
            change.accept(credential);
            credentials.save(credential);
        });
    }
}
