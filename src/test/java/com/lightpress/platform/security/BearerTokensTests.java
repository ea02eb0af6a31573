package com.lightpress.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** {@link BearerTokens} answers every header as Spring Security's default resolver does. */
class BearerTokensTests {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl";

    private final BearerTokens tokens = new BearerTokens();
    private final DefaultBearerTokenResolver framework = new DefaultBearerTokenResolver();

    static Stream<String> headers() {
        return Stream.of(
                "Bearer " + TOKEN,
                "bearer " + TOKEN,
                "BEARER " + TOKEN,
                "bEaReR " + TOKEN,
                "Bearer abc==",
                "Bearer a-b._~+/c=",
                "Bearer ",
                "Bearer",
                "Bearer  " + TOKEN,
                "Bearer " + TOKEN + " ",
                "Bearer " + TOKEN + "\n",
                "Bearer\t" + TOKEN,
                "Bearer ab=c",
                "Bearer =abc",
                "Bearer a,b",
                "Bearer tök",
                "Bearertoken",
                "Bearers " + TOKEN,
                "Basic dXNlcjpwYXNz",
                "Token " + TOKEN,
                "",
                " Bearer " + TOKEN,
                "Beaſer " + TOKEN,
                "BEARER\u212A " + TOKEN);
    }

    @ParameterizedTest
    @MethodSource("headers")
    void answersAsTheDefaultResolver(String header) {
        assertThat(outcome(tokens, header)).isEqualTo(outcome(framework, header));
    }

    @Test
    void noHeaderIsNoToken() {
        var request = new MockHttpServletRequest("GET", "/api/users/me");
        assertThat(tokens.resolve(request)).isNull();
    }

    @Test
    void returnsTheTokenItself() {
        assertThat(outcome(tokens, "Bearer " + TOKEN)).isEqualTo("token " + TOKEN);
        assertThat(outcome(tokens, "Bearer a b")).isEqualTo("invalid_token Bearer token is malformed");
    }

    /** Random headers over an alphabet of the characters the two could disagree on. */
    @Test
    void answersRandomHeadersAsTheDefaultResolver() {
        var alphabet = "bBeEaArR aZz09-._~+/=\t\n,\"éſK\u212A\u0130".toCharArray();
        var prefixes = new String[] {"", "Bearer ", "bearer ", "BEARER ", "bEaReR", "Bearer", "Beare"};
        var random = new Random(14);
        var disagreements = new ArrayList<String>();
        for (var i = 0; i < 200_000; i++) {
            var header = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            var length = random.nextInt(12);
            for (var j = 0; j < length; j++) {
                header.append(alphabet[random.nextInt(alphabet.length)]);
            }
            var value = header.toString();
            if (!outcome(tokens, value).equals(outcome(framework, value))) {
                disagreements.add(value);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        var request = new MockHttpServletRequest("GET", "/api/users/me");
        request.addHeader("Authorization", header);
        try {
            var token = resolver.resolve(request);
            return token == null ? "none" : "token " + token;
        } catch (OAuth2AuthenticationException e) {
            return e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
