package com.lightpress.testing;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.InterceptingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A client for Lightpress's HTTP API over a real socket. */
public final class Api {

    private Api() {}

    /**
     * Uses the JDK's HTTP client, which shows every answer as it is; the Apache client that would
     * otherwise be picked retries 429 and 503 answers on its own. Every exchange is checked against
     * the served API document ({@link ContractValidation}).
     */
    public static RestTestClient client(int port) {
        var checked = new InterceptingClientHttpRequestFactory(
                new JdkClientHttpRequestFactory(), List.of(new ContractValidation(port)));
        return RestTestClient.bindToServer(checked)
                .baseUrl("http://127.0.0.1:" + port)
                .build();
    }

    /** Sends the request as the given user, expects 200 and answers the body. */
    public static String okBody(RestTestClient.RequestHeadersSpec<?> request, OAuthClient.TestUser user) {
        return request.header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** Reads a public resource (such as an API document), expecting 200, and answers the body. */
    public static String read(int port, String path) {
        return client(port)
                .get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
    }

    /** Reads a resource as the given user, expecting 200, and answers the body. */
    public static String read(int port, String bearer, String path) {
        return client(port)
                .get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
    }
}
