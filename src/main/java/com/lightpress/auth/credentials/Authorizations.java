package com.lightpress.auth.credentials;

import com.lightpress.users.UserId;

/**
 * Ends every login of a user (each authorization holds a login's access, refresh and ID tokens), so
 * none of their refresh tokens works any more, whatever is in flight.
 */
public interface Authorizations {

    void revokeAll(UserId user);
}
