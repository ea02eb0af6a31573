package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;

/**
 * What the servlet container refuses before Spring sees the request is problem details too:
 * written as raw bytes on a socket, since HTTP clients refuse to send such requests at all.
 */
@LightpressTest
class ContainerErrorTests {

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "encoded NUL in the path, GET /api/notifications/%00 HTTP/1.1, 0, 400",
        "malformed percent encoding, GET /api/notifications/%zz HTTP/1.1, 0, 400",
        "encoded slash going up, GET /api/..%2F..%2Fetc/passwd HTTP/1.1, 0, 400",
        "oversized header, GET /api/users/me HTTP/1.1, 20000, 400",
    })
    void refusalsBeforeSpringAreProblemDetails(String name, String requestLine, int headerBytes, int status)
            throws IOException {
        var answer = send(requestLine, headerBytes);
        var head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        var body = answer.substring(answer.indexOf("\r\n\r\n") + 4);

        assertThat(head).startsWith("http/1.1 " + status);
        assertThat(head).contains("content-type: application/problem+json");
        var json = OAuthClient.json(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1));
        assertThat(json.path("status").asInt()).isEqualTo(status);
        assertThat(json.path("title").asString()).isNotBlank();
        assertThat(body).doesNotContain("Tomcat").doesNotContain("Exception").doesNotContain("<html");
    }

    private String send(String requestLine, int headerBytes) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            var request = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\n");
            if (headerBytes > 0) {
                request.append("X-Padding: ").append("a".repeat(headerBytes)).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
