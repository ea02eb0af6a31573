package com.lightpress.notifications.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightpress.notifications.config.NotificationsSettings;
import com.lightpress.users.UserId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class UnsubscribeTokensTests {

    /** With a configured secret, the database is never asked. */
    static final JdbcTemplate UNUSED = new JdbcTemplate();

    final UnsubscribeTokens tokens = new UnsubscribeTokens(settings("a secret"), UNUSED);
    final UserId user = new UserId(UUID.randomUUID());

    @Test
    void tokenNamesItsUserAndCategory() {
        var read = tokens.read(tokens.tokenFor(user, Category.BILLING));

        assertThat(read.user()).isEqualTo(user);
        assertThat(read.category()).isEqualTo(Category.BILLING);
    }

    @Test
    void tokenWithAnotherCategoryOrUserIsRefused() {
        var token = tokens.tokenFor(user, Category.BILLING);
        var signature = token.substring(token.indexOf('.'));
        var otherCategory = tokens.tokenFor(user, Category.PRODUCT);
        var otherUser = tokens.tokenFor(new UserId(UUID.randomUUID()), Category.BILLING);

        assertThatThrownBy(() -> tokens.read(otherCategory.substring(0, otherCategory.indexOf('.')) + signature))
                .isInstanceOf(InvalidUnsubscribeToken.class);
        assertThatThrownBy(() -> tokens.read(otherUser.substring(0, otherUser.indexOf('.')) + signature))
                .isInstanceOf(InvalidUnsubscribeToken.class);
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        var foreign = new UnsubscribeTokens(settings("another secret"), UNUSED).tokenFor(user, Category.BILLING);

        assertThatThrownBy(() -> tokens.read(foreign)).isInstanceOf(InvalidUnsubscribeToken.class);
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> tokens.read("not-a-token")).isInstanceOf(InvalidUnsubscribeToken.class);
        assertThatThrownBy(() -> tokens.read("a.b")).isInstanceOf(InvalidUnsubscribeToken.class);
        assertThatThrownBy(() -> tokens.read("")).isInstanceOf(InvalidUnsubscribeToken.class);
    }

    static NotificationsSettings settings(String secret) {
        return new NotificationsSettings(
                "Lightpress <no-reply@lightpress.local>",
                new NotificationsSettings.Retry(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(24)),
                secret,
                Duration.ofMinutes(2),
                Duration.ofSeconds(60),
                new NotificationsSettings.Stream(Duration.ofSeconds(20), Duration.ofMinutes(30), 50, 10));
    }
}
