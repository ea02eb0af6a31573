package com.lightpress.auth.credentials;

import com.lightpress.users.UserId;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What becomes of a credential when users closes, disables or enables its account. It lives here
 * because the credential repository is private to this package; auth's reactions to users' events
 * call it.
 */
@Service
public class CredentialLifecycle {

    private final CredentialRepository credentials;
    private final Authorizations authorizations;

    CredentialLifecycle(CredentialRepository credentials, Authorizations authorizations) {
        this.credentials = credentials;
        this.authorizations = authorizations;
    }

    /** Every token of the user is revoked and the credential erased. */
    @Transactional
    public void erase(UserId user) {
        authorizations.revokeAll(user);
        credentials.deleteById(user);
    }

    /** The user may not log in any more, and their tokens are revoked. */
    @Transactional
    public void disable(UserId user) {
        update(user, Credential::disable);
        authorizations.revokeAll(user);
    }

    @Transactional
    public void enable(UserId user) {
        update(user, Credential::enable);
    }

    private void update(UserId user, Consumer<Credential> change) {
        credentials.findForUpdateById(user).ifPresent(credential -> {
            change.accept(credential);
            credentials.save(credential);
        });
    }
}
