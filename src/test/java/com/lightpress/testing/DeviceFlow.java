package com.lightpress.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The command-line client's device flow, played through the real endpoints: the client asks for
 * codes, the user opens the verification page in a browser, logs in if needed, and confirms.
 */
public final class DeviceFlow {

    public static final String CLIENT_ID = "lightpress-cli";

    private final OAuthClient client;

    public DeviceFlow(OAuthClient client) {
        this.client = client;
    }

    /** What the client gets from the device authorization endpoint. */
    public JsonNode request() {
        var requested =
                client.token(Map.of("client_id", CLIENT_ID, "scope", "profile email"), "/oauth2/device_authorization");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
        return OAuthClient.json(requested.body());
    }

    /** The token request the client polls with. */
    public static Map<String, String> poll(JsonNode device) {
        return Map.of(
                "grant_type",
                "urn:ietf:params:oauth:grant-type:device_code",
                "device_code",
                device.path("device_code").asString(),
                "client_id",
                CLIENT_ID);
    }

    /**
     * The user confirms the device in the browser (logging in first if its session has none) and
     * sees the confirmation page every time; returns the poll request that now yields tokens.
     */
    public Map<String, String> approve(Browser browser, String email, String password) {
        var device = request();
        var poll = poll(device);
        assertThat(client.token(poll).body()).contains("authorization_pending");
        var userCode = device.path("user_code").asString();
        var page = browser.followUntil(
                browser.get(device.path("verification_uri_complete").asString()), location -> false);
        assertThat(page.body()).contains(userCode);
        var approval = browser.followUntil(
                browser.get("/oauth2/device_verification?user_code=" + userCode), location -> false);
        var consent = approval.body().contains("Allow this device")
                ? approval
                : browser.followUntil(browser.logIn(approval, email, password), location -> false);
        assertThat(consent.body()).contains("Allow this device");
        var state = consent.body().replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
        var done = browser.followUntil(
                browser.postForm(
                        "/oauth2/device_verification",
                        Map.of("client_id", CLIENT_ID, "user_code", userCode, "state", state, "scope", "profile")),
                location -> false);
        assertThat(done.body()).contains("Done");
        return poll;
    }
}
