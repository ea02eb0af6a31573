package com.lightpress.auth.credentials;

import com.lightpress.auth.AuthProtocol;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Auth's section of the data export: the login identity, never the password hash. */
@Component
class CredentialPersonalData implements PersonalData {

    private final CredentialRepository credentials;

    CredentialPersonalData(CredentialRepository credentials) {
        this.credentials = credentials;
    }

    @Override
    public String section() {
        return AuthProtocol.IDENTITY_SECTION;
    }

    @Override
    public Object exportFor(UserId user) {
        return credentials
                .findById(user)
                .<Object>map(CredentialPersonalData::describe)
                .orElse(Map.of());
    }

    private static Map<String, Object> describe(Credential credential) {
        var identity = credential.identity();
        var data = new LinkedHashMap<String, Object>();
        data.put("email", identity.email());
        data.put("emailVerified", identity.emailVerified());
        data.put("disabled", identity.disabled());
        if (identity.passwordChangedAt() != null) {
            data.put("passwordChangedAt", identity.passwordChangedAt());
        }
        return data;
    }
}
