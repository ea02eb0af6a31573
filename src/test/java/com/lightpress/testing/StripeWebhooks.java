package com.lightpress.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers webhooks to Lightpress the way Stripe does: a JSON event signed with the endpoint's
 * secret in {@code Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.payload">}.
 */
public final class StripeWebhooks {

    private final String endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    public StripeWebhooks(int port) {
        this.endpoint = "http://127.0.0.1:" + port + "/api/billing/stripe/webhook";
    }

    /** Signs the event now with the test secret and delivers it. */
    public HttpResponse<String> deliver(Map<String, Object> event) {
        var payload = StripeJson.write(event);
        return deliver(payload, signature(payload, StripeStub.WEBHOOK_SECRET, StripeJson.now()));
    }

    public HttpResponse<String> deliver(String payload, String signature) {
        var request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header Stripe sends: {@code t=<timestamp>,v1=<signature>}. */
    public static String signature(String payload, String secret, long timestamp) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var signed = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
