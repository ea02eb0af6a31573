package com.lightpress.users.account;

import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The users module's section of the data export: the account itself. */
@Component
class AccountPersonalData implements PersonalData {

    private final AccountRepository accounts;

    AccountPersonalData(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public String section() {
        return "users";
    }

    @Override
    public Object exportFor(UserId user) {
        return accounts.findById(user).<Object>map(Account::toView).orElse(Map.of());
    }
}
