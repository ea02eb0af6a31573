package com.lightpress.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.users.account.AccountManagement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/** The users module on its own: registration and closure publish their events. */
@ApplicationModuleTest(extraIncludes = "platform")
@ContextConfiguration(initializers = EmbeddedServersInitializer.class)
@TestPropertySource(properties = "lightpress.users.bootstrap-admins=admin@lightpress.test,second@lightpress.test")
class UsersModuleTests {

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * Registration is delivered at least once (auth retries it over HTTP when users runs
     * elsewhere), so a second delivery of the same registration must change nothing: no second
     * account, no event of any kind, not even a touched row.
     */
    @Test
    void registeringTwiceMakesOneAccountAndOneEvent(AssertablePublishedEvents events) {
        var id = new UserId(UUID.randomUUID());
        var email = id + "@example.com";

        accounts.register(id, email, "Twice");
        assertThat(registrationsOf(events, id))
                .as("the first delivery registers")
                .hasSize(1);
        var publishedAfterFirst = everything(events);
        var rowAfterFirst = row(id);

        accounts.register(id, email, "Twice, again");

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM users.accounts WHERE id = ? OR email = ?", Long.class, id.value(), email))
                .isOne();
        assertThat(registrationsOf(events, id)).hasSize(1);
        assertThat(everything(events))
                .as("the second delivery publishes nothing")
                .containsExactlyElementsOf(publishedAfterFirst);
        assertThat(row(id))
                .as("the second delivery leaves the account as it was")
                .isEqualTo(rowAfterFirst);
    }

    @Test
    void bootstrapAddressBecomesTheFirstAdminOnlyOnceConfirmed(AssertablePublishedEvents events) {
        var id = new UserId(UUID.randomUUID());
        accounts.register(id, "admin@lightpress.test", "Boss");
        assertThat(accounts.findProfile(id).orElseThrow().roles()).containsExactly(Role.USER);

        accounts.confirmEmail(id);
        accounts.confirmEmail(id);

        var profile = accounts.findProfile(id).orElseThrow();
        assertThat(profile.roles()).contains(Role.ADMIN, Role.USER);
        assertThat(profile.emailConfirmed()).isTrue();
        assertThat(events.ofType(RoleChanged.class)
                        .matching(event -> event.userId().equals(id)))
                .hasSize(1);

        var later = new UserId(UUID.randomUUID());
        accounts.register(later, "second@lightpress.test", "Second Bootstrap Address");
        accounts.confirmEmail(later);
        assertThat(accounts.findProfile(later).orElseThrow().roles())
                .as("an admin exists already")
                .containsExactly(Role.USER);
    }

    @Test
    void closingPublishesAccountClosedAndErasesTheProfile(Scenario scenario) {
        var id = new UserId(UUID.randomUUID());
        accounts.register(id, id + "@example.com", "Short Stay");

        scenario.stimulate(() -> accounts.close(id, Instant.now()))
                .andWaitForEventOfType(AccountClosed.class)
                .matching(event -> event.userId().equals(id))
                .toArriveAndVerify(event -> assertThat(accounts.findProfile(id)).isEmpty());
    }

    private static List<AccountRegistered> registrationsOf(AssertablePublishedEvents events, UserId id) {
        var found = new ArrayList<AccountRegistered>();
        events.ofType(AccountRegistered.class)
                .matching(event -> event.userId().equals(id))
                .forEach(found::add);
        return found;
    }

    private static List<Object> everything(AssertablePublishedEvents events) {
        var found = new ArrayList<>();
        events.ofType(Object.class).forEach(found::add);
        return found;
    }

    private Map<String, Object> row(UserId id) {
        return jdbc.queryForMap("SELECT * FROM users.accounts WHERE id = ?", id.value());
    }
}
