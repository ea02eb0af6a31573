package com.lightpress.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.users.account.AccountManagement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Test
    void registeringTwiceMakesOneAccountAndOneEvent(AssertablePublishedEvents events) {
        var id = new UserId(UUID.randomUUID());

        accounts.register(id, id + "@example.com", "Twice");
        accounts.register(id, id + "@example.com", "Twice");

        assertThat(events.ofType(AccountRegistered.class)
                        .matching(event -> event.userId().equals(id)))
                .hasSize(1);
        assertThat(accounts.findProfile(id)).isPresent();
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
}
