package com.lightpress.users.account;

import com.lightpress.users.Role;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import com.lightpress.users.UserProfile;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers accounts and answers questions about them. */
@Service
@Transactional(readOnly = true)
public class AccountManagement implements UserAccounts {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountManagement(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void register(UserId id, String email, String displayName) {
        if (accounts.existsById(id)) {
            return;
        }
        accounts.save(Account.register(id, email, displayName, Set.of(Role.USER), clock.instant()));
    }

    @Override
    public Optional<UserProfile> findProfile(UserId id) {
        return accounts.findById(id).map(Account::toProfile);
    }
}
