package com.lightpress.notifications;

import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;

import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.notifications.inbox.NotificationView;
import com.lightpress.notifications.mail.Deliveries;
import com.lightpress.notifications.preferences.NotificationPreferences;
import com.lightpress.platform.DomainEvent;
import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.Mailbox.Email;
import com.lightpress.testing.MutableClock;
import com.lightpress.testing.Publications;
import com.lightpress.users.AccountStatus;
import com.lightpress.users.Role;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import com.lightpress.users.UserProfile;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The notifications module alone with the platform, its neighbour users mocked, so tests can
 * make up recipients of any locale and time zone. Its clock can be set to any hour; held-back
 * email is looked for every 200 ms, and incomplete publications older than a second are
 * resubmitted every 300 ms. Every subclass shares one application context.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ContextConfiguration(initializers = EmbeddedServersInitializer.class)
@TestPropertySource(
        properties = {
            "lightpress.notifications.deferred-interval=200ms",
            "lightpress.platform.events.resubmit-interval=300ms",
            "lightpress.platform.events.resubmit-after=1s"
        })
@Import(NotificationsModuleTest.TestClock.class)
abstract class NotificationsModuleTest {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @MockitoBean
    UserAccounts users;

    @Autowired
    Inbox inbox;

    @Autowired
    Deliveries deliveries;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    UserProfile user(String locale, String zone) {
        return user(locale, zone, "Ada", true);
    }

    /** A user who signed up but has not confirmed the address yet; the name may be anyone's text. */
    UserProfile unconfirmedUser(String locale, String displayName) {
        return user(locale, "UTC", displayName, false);
    }

    private UserProfile user(String locale, String zone, String displayName, boolean confirmed) {
        var id = new UserId(UUID.randomUUID());
        var profile = new UserProfile(
                id,
                "ada-" + id + "@example.com",
                displayName,
                confirmed,
                locale,
                zone,
                AccountStatus.ACTIVE,
                Set.of(Role.USER));
        given(users.findProfile(id)).willReturn(Optional.of(profile));
        return profile;
    }

    static Email publishAndAwaitEmail(Scenario scenario, Object event, UserProfile user) {
        var received = new AtomicReference<Email>();
        scenario.publish(event)
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> Mailbox.to(user.email()), emails -> !emails.isEmpty())
                .andVerify(emails -> received.set(emails.get(0)));
        return received.get();
    }

    /** Publishes the event and waits until every listener of it has completed. */
    void publishAndAwaitCompletion(Scenario scenario, DomainEvent event) {
        scenario.publish(event)
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> Publications.incomplete(jdbc, event.eventId()), count -> count == 0)
                .andVerify(count -> {});
    }

    NotificationView awaitNotification(UserProfile user) {
        return await().atMost(PATIENCE)
                .until(() -> inbox.allOf(user.id()), list -> !list.isEmpty())
                .get(0);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
