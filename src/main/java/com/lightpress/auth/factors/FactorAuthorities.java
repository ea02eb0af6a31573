package com.lightpress.auth.factors;

import com.lightpress.auth.AuthProtocol;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The factors a login proved, as Spring Security's factor authorities, and how tokens name them:
 * RFC 8176 {@code amr} values and the {@code acr} Lightpress assigns (one factor or two).
 */
public final class FactorAuthorities {

    /** The login's second step, where a code is entered after the password. */
    public static final String SECOND_STEP_PATH = "/login/second-factor";

    public static final String TOTP = "FACTOR_TOTP";
    public static final String RECOVERY_CODE = "FACTOR_RECOVERY_CODE";

    /** A passkey, always with user verification (see {@code PasskeyConfiguration}). */
    public static final String PASSKEY = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

    /** A login with one factor (a password). */
    public static final String ACR_ONE_FACTOR = AuthProtocol.ONE_FACTOR;

    /** A login with a password and a second factor, or with a passkey (which verifies the user). */
    public static final String ACR_TWO_FACTORS = AuthProtocol.TWO_FACTORS;

    public static final List<String> ACR_VALUES = List.of(ACR_ONE_FACTOR, ACR_TWO_FACTORS);

    private FactorAuthorities() {}

    public static String of(SecondFactors.Factor factor) {
        return switch (factor) {
            case AUTHENTICATOR_APP -> TOTP;
            case RECOVERY_CODE -> RECOVERY_CODE;
        };
    }

    /** Whether the login proved a password and nothing more yet. */
    public static boolean owesSecondFactor(Authentication authentication) {
        var factors = factors(authentication);
        return factors.contains(FactorGrantedAuthority.PASSWORD_AUTHORITY) && !provedSecondFactor(factors);
    }

    public static boolean provedSecondFactor(Authentication authentication) {
        return provedSecondFactor(factors(authentication));
    }

    /**
     * RFC 8176 methods: {@code pwd}, {@code otp} (app or recovery code), {@code swk} (a passkey),
     * and {@code mfa} for two factors. A passkey is {@code swk}, not {@code hwk}: Lightpress asks
     * for no attestation, so nothing proves the key lives in hardware, and synced passkeys do not.
     * It is {@code mfa} even alone, because every passkey ceremony requires user verification.
     */
    public static ArrayList<String> amr(Authentication authentication) {
        var factors = factors(authentication);
        var methods = new LinkedHashSet<String>();
        if (factors.contains(FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
            methods.add("pwd");
        }
        if (factors.contains(TOTP) || factors.contains(RECOVERY_CODE)) {
            methods.add("otp");
        }
        if (factors.contains(PASSKEY)) {
            methods.add("swk");
        }
        if (methods.size() > 1 || factors.contains(PASSKEY)) {
            methods.add("mfa");
        }
        return new ArrayList<>(methods);
    }

    public static String acr(Authentication authentication) {
        return provedSecondFactor(authentication) ? ACR_TWO_FACTORS : ACR_ONE_FACTOR;
    }

    private static boolean provedSecondFactor(Set<String> factors) {
        return factors.contains(TOTP) || factors.contains(RECOVERY_CODE) || factors.contains(PASSKEY);
    }

    private static Set<String> factors(Authentication authentication) {
        var names = new LinkedHashSet<String>();
        authentication.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .forEach(authority -> names.add(authority.getAuthority()));
        return names;
    }
}
