package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.lightpress.auth.credentials.CredentialManagement;
import com.lightpress.auth.credentials.InvalidToken;
import com.lightpress.auth.credentials.SignUp;
import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.users.AccountClosed;
import com.lightpress.users.UserAccounts;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Auth on its own with the platform, its neighbour users mocked: sign-up registers the account
 * through users' API and publishes the verification token, verification tells users and publishes
 * its fact once, and a closed account loses its credential.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ContextConfiguration(initializers = EmbeddedServersInitializer.class)
class AuthModuleTests {

    static final String PASSWORD = "plum-kettle-orbit-47";

    @MockitoBean
    UserAccounts users;

    @Autowired
    SignUp signUp;

    @Autowired
    CredentialManagement credentials;

    @Test
    void signingUpRegistersTheAccountInUsersAndPublishesUserSignedUp(AssertablePublishedEvents events) {
        var email = UUID.randomUUID() + "@Example.com";

        signUp.signUp(email, PASSWORD, " Ada ", "203.0.113.7");

        var signedUp = signedUp(events);
        assertThat(signedUp.verificationToken()).isNotBlank();
        verify(users).register(signedUp.userId(), email.toLowerCase(), "Ada");
        assertThat(credentials.find(signedUp.userId()))
                .hasValueSatisfying(
                        identity -> assertThat(identity.emailVerified()).isFalse());
    }

    @Test
    void signingUpAgainWithTheSameAddressCreatesNothingAndTellsTheOwner(AssertablePublishedEvents events) {
        var email = UUID.randomUUID() + "@example.com";
        signUp.signUp(email, PASSWORD, "First", "203.0.113.8");
        var owner = signedUp(events).userId();

        signUp.signUp(email, PASSWORD, "Second", "203.0.113.8");

        assertThat(events.ofType(UserSignedUp.class)).hasSize(1);
        assertThat(events.ofType(SignUpAttemptedOnExistingAccount.class)
                        .matching(event -> event.userId().equals(owner)))
                .hasSize(1);
        verify(users, times(1)).register(any(), anyString(), anyString());
    }

    @Test
    void verifyingTheAddressTellsUsersAndPublishesEmailVerifiedOnce(AssertablePublishedEvents events) {
        signUp.signUp(UUID.randomUUID() + "@example.com", PASSWORD, "Grace", "203.0.113.9");
        var signedUp = signedUp(events);

        credentials.verifyEmail(signedUp.verificationToken());

        assertThat(events.ofType(EmailVerified.class)
                        .matching(event -> event.userId().equals(signedUp.userId())))
                .hasSize(1);
        verify(users).confirmEmail(signedUp.userId());
        assertThat(credentials.find(signedUp.userId()))
                .hasValueSatisfying(
                        identity -> assertThat(identity.emailVerified()).isTrue());

        assertThatThrownBy(() -> credentials.verifyEmail(signedUp.verificationToken()))
                .as("a verification token works once")
                .isInstanceOf(InvalidToken.class);
        assertThat(events.ofType(EmailVerified.class)).hasSize(1);
        verify(users, times(1)).confirmEmail(signedUp.userId());
    }

    @Test
    void aClosedAccountLosesItsCredential(AssertablePublishedEvents events, Scenario scenario) {
        signUp.signUp(UUID.randomUUID() + "@example.com", PASSWORD, "Brief", "203.0.113.10");
        var user = signedUp(events).userId();
        assertThat(credentials.find(user)).isPresent();

        scenario.publish(AccountClosed.of(user))
                .andWaitForStateChange(() -> credentials.find(user), Optional::isEmpty)
                .andVerify(found -> assertThat(found).isEmpty());
    }

    private static UserSignedUp signedUp(AssertablePublishedEvents events) {
        var found = events.ofType(UserSignedUp.class).iterator();
        assertThat(found.hasNext()).as("UserSignedUp was published").isTrue();
        return found.next();
    }
}
