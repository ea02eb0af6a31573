package com.lightpress.testing;

import org.springframework.test.web.servlet.client.RestTestClient;

/** A client for Lightpress's HTTP API over a real socket. */
public final class Api {

    private Api() {}

    public static RestTestClient client(int port) {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}
