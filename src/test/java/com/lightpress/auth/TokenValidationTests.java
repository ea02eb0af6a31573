package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.auth.keys.SigningKeys;
import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Resource servers accept only access tokens auth signed for this issuer and Lightpress's APIs,
 * typed {@code at+jwt} and still valid: never an ID token or a token meant for someone else.
 */
@LightpressTest
class TokenValidationTests {

    @Value("${local.server.port}")
    int port;

    @Value("${lightpress.platform.public-url}")
    String issuer;

    @Autowired
    SigningKeys keys;

    @Autowired
    ConfigurableApplicationContext context;

    String subject;

    @BeforeEach
    void signUp() {
        subject = new OAuthClient(port).newUser("Validator").id();
    }

    @Test
    void tokenSignedByAuthIsAccepted() {
        assertStatus(sign(claims(issuer, Instant.now().plusSeconds(300))), 200);
    }

    @Test
    void malformedBearerHeaderIsRefusedAsAnInvalidToken() {
        Api.client(port)
                .get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not a token")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .value(
                        HttpHeaders.WWW_AUTHENTICATE,
                        value -> assertThat(value).contains("error=\"invalid_token\"", "malformed"))
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Checking a token on every API request publishes no authentication event; nothing listens. */
    @Test
    void checkingATokenPublishesNoAuthenticationEvent() {
        var events = new CopyOnWriteArrayList<AbstractAuthenticationEvent>();
        ApplicationListener<AbstractAuthenticationEvent> listener = events::add;
        context.addApplicationListener(listener);
        try {
            assertStatus(sign(claims(issuer, Instant.now().plusSeconds(300))), 200);
            assertStatus(sign(claims(issuer, Instant.now().minusSeconds(120))), 401);
        } finally {
            context.removeApplicationListener(listener);
        }
        assertThat(events).isEmpty();
    }

    @Test
    void tamperedTokenIsRefused() {
        var token = sign(claims(issuer, Instant.now().plusSeconds(300))).split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(token[1]), StandardCharsets.UTF_8)
                .replace(subject, UUID.randomUUID().toString());
        var tampered = token[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + token[2];

        assertStatus(tampered, 401);
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        assertStatus(sign(claims("https://evil.example.com", Instant.now().plusSeconds(300))), 401);
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        var claims = JwtClaimsSet.from(claims(issuer, Instant.now().plusSeconds(300)))
                .audience(List.of("https://another-service.example.com"))
                .build();

        assertStatus(sign(claims), 401);
    }

    @Test
    void jwtThatIsNotTypedAsAnAccessTokenIsRefused() {
        assertStatus(sign(claims(issuer, Instant.now().plusSeconds(300)), "JWT"), 401);
    }

    @Test
    void idTokenOfARealLoginIsNotABearerToken() {
        var client = new OAuthClient(port);
        var user = client.newUser("Holder Of An Id Token");

        assertStatus(user.tokens().idToken(), 401);
        assertStatus(user.tokens().accessToken(), 200);
        assertThat(user.tokens().claims().path("aud").toString()).contains(issuer + "/api");
    }

    @Test
    void expiredTokenIsRefused() {
        assertStatus(sign(claims(issuer, Instant.now().minusSeconds(120))), 401);
    }

    @Test
    void unsignedTokenIsRefused() {
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("roles", List.of("ADMIN"))
                .build();

        assertStatus(new PlainJWT(claims).serialize(), 401);
    }

    @Test
    void tokenSignedByAForeignKeyIsRefused() throws JOSEException {
        var foreign = new RSAKeyGenerator(2048).keyID(currentKid()).generate();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(foreign.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(foreign));

        assertStatus(jwt.serialize(), 401);
    }

    private String currentKid() {
        var token = sign(claims(issuer, Instant.now().plusSeconds(60)));
        var header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return OAuthClient.json(header).path("kid").asString();
    }

    private JwtClaimsSet claims(String issuer, Instant expiresAt) {
        return JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .audience(List.of(this.issuer + "/api"))
                .id(UUID.randomUUID().toString())
                .claim("client_id", "lightpress-web")
                .issuedAt(expiresAt.minusSeconds(600))
                .expiresAt(expiresAt)
                .claim("roles", List.of("USER"))
                .build();
    }

    private String sign(JwtClaimsSet claims) {
        return sign(claims, "at+jwt");
    }

    private String sign(JwtClaimsSet claims, String type) {
        var header = JwsHeader.with(SignatureAlgorithm.RS256).type(type).build();
        return new NimbusJwtEncoder(keys.signing())
                .encode(JwtEncoderParameters.from(header, claims))
                .getTokenValue();
    }

    private void assertStatus(String token, int status) {
        Api.client(port)
                .get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isEqualTo(status);
        if (status == 401) {
            Api.client(port)
                    .get()
                    .uri("/api/users/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
