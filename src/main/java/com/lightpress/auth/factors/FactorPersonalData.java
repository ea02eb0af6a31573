package com.lightpress.auth.factors;

import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The second factors in the data export: which ones and since when, never a secret or code. */
@Component
class FactorPersonalData implements PersonalData {

    private final SecondFactors factors;

    FactorPersonalData(SecondFactors factors) {
        this.factors = factors;
    }

    @Override
    public String section() {
        return "secondFactors";
    }

    @Override
    public Object exportFor(UserId user) {
        var status = factors.status(user);
        if (!status.enrolled()) {
            return Map.of();
        }
        var data = new LinkedHashMap<String, Object>();
        data.put(SecondFactors.AUTHENTICATOR_APP, Map.of("addedAt", status.authenticatorAppAddedAt()));
        var codes = new LinkedHashMap<String, Object>();
        codes.put("left", status.recoveryCodesLeft());
        if (status.recoveryCodesCreatedAt() != null) {
            codes.put("createdAt", status.recoveryCodesCreatedAt());
        }
        data.put("recoveryCodes", codes);
        return data;
    }
}
