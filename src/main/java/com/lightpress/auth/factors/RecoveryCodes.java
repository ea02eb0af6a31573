package com.lightpress.auth.factors;

import com.lightpress.auth.credentials.KeyEncryption;
import com.lightpress.platform.RandomSecrets;
import com.lightpress.users.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ten single-use codes that stand in for the second factor when the authenticator is lost. Only a
 * keyed digest of each is stored (they are random, so a fast keyed hash is enough); a code is
 * spent by one conditional update, so sending it twice at once spends it once.
 */
@Component
class RecoveryCodes {

    static final int COUNT = 10;

    /** No 0/O, 1/I/L: codes are typed from paper. */
    private static final char[] ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();

    private final JdbcTemplate jdbc;
    private final KeyEncryption encryption;
    private final Clock clock;

    RecoveryCodes(JdbcTemplate jdbc, KeyEncryption encryption, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.clock = clock;
    }

    /** Replaces every code of the account with ten new ones, returned once and never stored. */
    @Transactional
    List<String> regenerate(UserId user) {
        jdbc.update("DELETE FROM auth.recovery_codes WHERE credential_id = ?", user.value());
        var now = Timestamp.from(clock.instant());
        var codes = new ArrayList<String>();
        while (codes.size() < COUNT) {
            var code = generate();
            if (!codes.contains(code)) {
                codes.add(code);
                jdbc.update(
                        "INSERT INTO auth.recovery_codes (credential_id, code_digest, created_at) VALUES (?, ?, ?)",
                        user.value(),
                        digest(code),
                        now);
            }
        }
        return codes;
    }

    /** Spends the code if it is one of the account's unused ones. */
    boolean spend(UserId user, String code) {
        return jdbc.update(
                        "UPDATE auth.recovery_codes SET used_at = ? WHERE credential_id = ? AND code_digest = ?"
                                + " AND used_at IS NULL",
                        Timestamp.from(clock.instant()),
                        user.value(),
                        digest(code))
                == 1;
    }

    int remaining(UserId user) {
        var count = jdbc.queryForObject(
                "SELECT count(*) FROM auth.recovery_codes WHERE credential_id = ? AND used_at IS NULL",
                Integer.class,
                user.value());
        return count == null ? 0 : count;
    }

    Optional<Instant> createdAt(UserId user) {
        return jdbc.query(
                        "SELECT max(created_at) FROM auth.recovery_codes WHERE credential_id = ?",
                        (rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant),
                        user.value())
                .get(0);
    }

    void removeAll(UserId user) {
        jdbc.update("DELETE FROM auth.recovery_codes WHERE credential_id = ?", user.value());
    }

    /** A code as printed: two groups of five, e.g. {@code k7m2p-x9qrt}. */
    static boolean looksLikeOne(String code) {
        return normalize(code).length() == 10;
    }

    private String digest(String code) {
        return encryption.lookupDigest("recovery:" + normalize(code));
    }

    private static String normalize(String code) {
        return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String generate() {
        var code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET[RandomSecrets.below(ALPHABET.length)]);
        }
        return code.toString();
    }
}
