package com.lightpress.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.Api;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A user reads and changes their own profile with optimistic concurrency. */
@LightpressTest
class ProfileApiTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    EventRecorder events;

    RestTestClient api;
    TestUser user;

    @BeforeEach
    void signUp() {
        api = Api.client(port);
        user = new OAuthClient(port).newUser("Marie Curie");
    }

    @Test
    void profileCarriesAnETag() {
        getProfile()
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches(HttpHeaders.ETAG, "\"\\d+\"")
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Marie Curie")
                .jsonPath("$.locale")
                .isEqualTo("en")
                .jsonPath("$.roles[0]")
                .isEqualTo("USER");
    }

    /** One write with its length, not a flushed response in chunks; a copy still current gets 304. */
    @Test
    void profileGoesOutWithItsLengthAndItsETagAnswersIfNoneMatch() {
        var etag = getProfile()
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists(HttpHeaders.CONTENT_LENGTH)
                .expectHeader()
                .doesNotExist(HttpHeaders.TRANSFER_ENCODING)
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();

        getProfile()
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    @Test
    void updateWithCurrentETagChangesTheProfileAndPublishesProfileUpdated() {
        var etag = etag();

        api.patch()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "displayName", "Marie Skłodowska-Curie",
                        "avatarUrl", "https://example.com/marie.png",
                        "locale", "de-CH",
                        "timeZone", "Europe/Zurich"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(HttpHeaders.ETAG, tag -> assertThat(tag).isNotEqualTo(etag))
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Marie Skłodowska-Curie")
                .jsonPath("$.locale")
                .isEqualTo("de-CH")
                .jsonPath("$.timeZone")
                .isEqualTo("Europe/Zurich");
        await().untilAsserted(() -> assertThat(events.all(ProfileUpdated.class))
                .anyMatch(event -> event.userId().toString().equals(user.id())));
    }

    @Test
    void updateWithoutIfMatchIsRefused() {
        api.patch()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("displayName", "Nobody"))
                .exchange()
                .expectStatus()
                .isEqualTo(428)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void updateWithStaleETagGetsPreconditionFailed() {
        var etag = etag();
        patch(etag, Map.of("displayName", "First")).expectStatus().isOk();

        patch(etag, Map.of("displayName", "Second")).expectStatus().isEqualTo(412);
    }

    @Test
    void twoConcurrentUpdatesWithTheSameETagLetOnlyOneWin() {
        var etag = etag();

        var statuses = List.of(
                        CompletableFuture.supplyAsync(() -> patchStatus(etag, "Left")),
                        CompletableFuture.supplyAsync(() -> patchStatus(etag, "Right")))
                .stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
    }

    @Test
    void invalidValuesAreNamed() {
        assertRefused(Map.of("displayName", "  "), "displayName");
        assertRefused(Map.of("displayName", "x".repeat(101)), "displayName");
        assertRefused(Map.of("avatarUrl", "http://example.com/a.png"), "avatarUrl");
        assertRefused(Map.of("avatarUrl", "javascript:alert(1)"), "avatarUrl");
        assertRefused(Map.of("locale", "not a tag!"), "locale");
        assertRefused(Map.of("timeZone", "Mars/Olympus_Mons"), "timeZone");
        assertRefused(Map.of("timeZone", "+02:00"), "timeZone");
        assertRefused(Map.of("email", "other@example.com"), "email");
    }

    private void assertRefused(Map<String, Object> body, String field) {
        patch(etag(), body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private int patchStatus(String etag, String name) {
        return patch(etag, Map.of("displayName", name))
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    private RestTestClient.ResponseSpec patch(String etag, Map<String, Object> body) {
        return api.patch()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    /** The user's own {@code GET /api/users/me}, with their token. */
    private RestTestClient.RequestHeadersSpec<?> getProfile() {
        return api.get().uri("/api/users/me").header(HttpHeaders.AUTHORIZATION, user.bearer());
    }

    private String etag() {
        return getProfile()
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
    }
}
