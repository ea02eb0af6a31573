package com.lightpress.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.users.account.AccountManagement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;

/** The users module on its own: registration and closure publish their events. */
@ApplicationModuleTest(extraIncludes = "platform")
@ContextConfiguration(initializers = EmbeddedServersInitializer.class)
class UsersModuleTests {

    @Autowired
    AccountManagement accounts;

    @Test
    void registrationIsIdempotentAndPublishesAccountRegistered(Scenario scenario) {
        var id = new UserId(UUID.randomUUID());

        scenario.stimulate(() -> {
                    accounts.register(id, id + "@example.com", "Twice");
                    accounts.register(id, id + "@example.com", "Twice");
                })
                .andWaitForEventOfType(AccountRegistered.class)
                .matching(event -> event.userId().equals(id))
                .toArriveAndVerify(event -> assertThat(accounts.findProfile(id)).isPresent());
    }

    @Test
    void bootstrapAdminsRegisterAsAdmin() {
        var id = new UserId(UUID.randomUUID());

        accounts.register(id, "Admin@Lightpress.test", "Boss");

        assertThat(accounts.findProfile(id).orElseThrow().roles()).contains(Role.ADMIN, Role.USER);
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
