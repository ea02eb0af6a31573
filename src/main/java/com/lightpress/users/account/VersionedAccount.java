package com.lightpress.users.account;

/** An account's view with the version it was read at, read together, for an ETag. */
public record VersionedAccount(AccountView view, long version) {

    static VersionedAccount of(Account account) {
        return new VersionedAccount(account.toView(), account.version());
    }
}
