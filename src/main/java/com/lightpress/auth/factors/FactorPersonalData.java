package com.lightpress.auth.factors;

import com.lightpress.auth.AuthProtocol;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The second factors in the data export: which ones and since when, passkeys by name and date,
 * never a secret, a code or a key.
 */
@Component
class FactorPersonalData implements PersonalData {

    private final SecondFactors factors;
    private final Passkeys passkeys;

    FactorPersonalData(SecondFactors factors, Passkeys passkeys) {
        this.factors = factors;
        this.passkeys = passkeys;
    }

    @Override
    public String section() {
        return AuthProtocol.FACTORS_SECTION;
    }

    @Override
    public Object exportFor(UserId user) {
        var status = factors.status(user);
        var data = new LinkedHashMap<String, Object>();
        var keys = passkeys.list(user);
        if (!keys.isEmpty()) {
            data.put(
                    "passkeys",
                    keys.stream()
                            .map(key -> Map.of(
                                    "name", key.name(), "createdAt", key.createdAt(), "lastUsedAt", key.lastUsedAt()))
                            .toList());
        }
        if (status.hasAuthenticatorApp()) {
            data.put(SecondFactors.AUTHENTICATOR_APP, Map.of("addedAt", status.authenticatorAppAddedAt()));
        }
        if (!status.hasSecondFactor()) {
            return data;
        }
        var codes = new LinkedHashMap<String, Object>();
        codes.put("left", status.recoveryCodesLeft());
        if (status.recoveryCodesCreatedAt() != null) {
            codes.put("createdAt", status.recoveryCodesCreatedAt());
        }
        data.put("recoveryCodes", codes);
        return data;
    }
}
