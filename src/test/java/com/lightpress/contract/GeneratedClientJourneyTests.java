package com.lightpress.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.lightpress.generated.client.ApiClient;
import com.lightpress.generated.client.ApiException;
import com.lightpress.generated.client.api.AccountsApi;
import com.lightpress.generated.client.api.BillingApi;
import com.lightpress.generated.client.api.NotificationsApi;
import com.lightpress.generated.client.api.ProfileApi;
import com.lightpress.generated.client.model.ProfileChanges;
import com.lightpress.generated.client.model.SignUpRequest;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A client generated from the committed API document (target/generated-clients/java) drives the
 * user's journey against the real server: sign-up, a token from the real authorization-code flow,
 * the profile with its ETag, the inbox and the billing status, with no hand-written API call.
 */
@LightpressTest
class GeneratedClientJourneyTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void signsUpLogsInEditsTheProfileReadsTheInboxAndTheBillingStatus() throws ApiException {
        var email = "generated-" + UUID.randomUUID() + "@example.com";
        var password = "a generated client's long passphrase " + UUID.randomUUID();
        var anonymous = client(null);

        new AccountsApi(anonymous)
                .signUp(new SignUpRequest().email(email).password(password).displayName("Gene Rated"));
        var token = new OAuthClient(port).logIn(email, password).accessToken();
        var signedIn = client(token);

        var profile = new ProfileApi(signedIn);
        var read = profile.readMyProfileWithHttpInfo();
        assertThat(read.getData().getEmail()).isEqualTo(email);
        var etag = read.getHeaders().get("etag").get(0);
        var changed = profile.changeMyProfileWithHttpInfo(new ProfileChanges().displayName("Gene Changed"), etag);
        assertThat(changed.getData().getDisplayName()).isEqualTo("Gene Changed");
        assertThat(changed.getHeaders().get("etag").get(0)).isNotEqualTo(etag);
        var stale = catchThrowableOfType(
                ApiException.class,
                () -> profile.changeMyProfile(new ProfileChanges().displayName("Lost Update"), etag));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(stale.getResponseBody()).contains("\"status\":412");

        var notifications = new NotificationsApi(signedIn);
        var inbox = notifications.listMyNotifications(false, null, 20);
        var unread = notifications.countMyUnreadNotifications();
        assertThat(inbox.getItems()).isNotNull();
        assertThat(unread.values()).allMatch(count -> count >= 0);

        var billing = new BillingApi(anonymous);
        assertThat(billing.isBillingAvailable()).containsKey("configured");
        assertThat(new BillingApi(signedIn).readMyEntitlements().getPlan()).isNotBlank();

        var refused = catchThrowableOfType(ApiException.class, () -> new ProfileApi(anonymous).readMyProfile());
        assertThat(refused.getCode()).isEqualTo(401);
    }

    private ApiClient client(String token) {
        var client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
