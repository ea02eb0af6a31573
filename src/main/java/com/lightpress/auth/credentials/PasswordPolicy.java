package com.lightpress.auth.credentials;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Refuses passwords that are easy to guess: zxcvbn estimates the guesses an attacker needs, using
 * its dictionaries of common passwords, names and words plus the words of this product and the
 * user's own email and name.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final int MIN_SCORE = 3;

    /** Words of this product that make a password easy to guess here, whatever zxcvbn thinks. */
    static final List<String> CONTEXT_WORDS = List.of("lightpress", "light", "press");

    private final Zxcvbn zxcvbn = new Zxcvbn();

    void check(String field, String password, String... userInputs) {
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new WeakPassword(field, "must be %d to %d characters long".formatted(MIN_LENGTH, MAX_LENGTH));
        }
        var inputs = new ArrayList<>(CONTEXT_WORDS);
        inputs.addAll(List.of(userInputs));
        var strength = zxcvbn.measure(password, inputs);
        if (strength.getScore() < MIN_SCORE) {
            throw new WeakPassword(field, "is too common or too easy to guess");
        }
    }
}
