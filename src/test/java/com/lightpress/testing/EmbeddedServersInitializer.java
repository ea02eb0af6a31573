package com.lightpress.testing;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an application context at the shared embedded servers: a fresh database of its own, the
 * shared SQS and SMTP servers, and a free port on 127.0.0.1 that is also the token issuer.
 */
public class EmbeddedServersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Encrypts signing keys in tests and the local run; never use it anywhere else. */
    public static final String TEST_KEY_ENCRYPTION_KEY = "bGlnaHRwcmVzcy1sb2NhbC1vbmx5LWtleS0zMmJ5dGU=";

    public static final String INTERNAL_CLIENT_SECRET = "internal-secret-for-tests";

    /** Signs unsubscribe links in tests and the local run; never use it anywhere else. */
    public static final String UNSUBSCRIBE_SECRET = "unsubscribe-secret-for-tests-and-the-local-run";

    private static final String POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";

    /**
     * The host of the public URL for a test that needs a name rather than an address: WebAuthn
     * refuses IP addresses, so passkey tests set it to {@code localhost}. Default 127.0.0.1.
     */
    public static final String PUBLIC_HOST = "lightpress.test.public-host";
    /** Many contexts share one PostgreSQL in tests; a test may set its own pool size. */
    private static final int TEST_POOL_SIZE = 5;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var servers = EmbeddedServers.shared();
        var port = EmbeddedServers.freePort();
        var properties = new HashMap<String, Object>(connection(servers, servers.createDatabase()));
        var sources = context.getEnvironment().getPropertySources();
        var inlined = sources.get("Inlined Test Properties");
        if (inlined == null || !inlined.containsProperty(POOL_SIZE)) {
            properties.put(POOL_SIZE, TEST_POOL_SIZE);
        }
        properties.put("server.port", port);
        var host = context.getEnvironment().getProperty(PUBLIC_HOST, "127.0.0.1");
        properties.put("lightpress.platform.public-url", "http://" + host + ":" + port);
        if (!host.equals("127.0.0.1")) {
            // the test clients prepare users on 127.0.0.1; the browser uses the public host
            properties.put("lightpress.auth.web-client.redirect-uris[0]", "http://" + host + ":" + port + "/app/");
            properties.put("lightpress.auth.web-client.redirect-uris[1]", "http://127.0.0.1:" + port + "/app/");
        }
        if (!context.getEnvironment()
                .getProperty("lightpress.billing.stripe.api-key", "")
                .isBlank()) {
            properties.put(
                    "lightpress.billing.stripe.api-base", StripeStub.shared().baseUrl());
        }
        sources.addFirst(new MapPropertySource("embedded-servers", properties));
        sources.addLast(new MapPropertySource("test-defaults", TEST_DEFAULTS));
    }

    /**
     * Settings every test gets unless it sets its own (they come after the test's properties):
     * cheap hashing, because tests check thousands of passwords (production's cost is measured by
     * a benchmark), and per-address limits out of reach, because every test client is 127.0.0.1.
     */
    static final Map<String, Object> TEST_DEFAULTS = Map.of(
            "lightpress.users.bootstrap-admins", OAuthClient.ADMIN_EMAIL,
            "lightpress.auth.password-hashing.memory-kib", 4096,
            "lightpress.auth.password-hashing.iterations", 1,
            "lightpress.auth.requests.sign-ups-per-address", 1_000_000,
            "lightpress.auth.requests.password-resets-per-address", 1_000_000);

    /** The settings that connect Lightpress to the given servers and database, with the test defaults. */
    public static Map<String, Object> properties(EmbeddedServers servers, String jdbcUrl) {
        var all = new HashMap<String, Object>(TEST_DEFAULTS);
        all.putAll(connection(servers, jdbcUrl));
        all.put(POOL_SIZE, TEST_POOL_SIZE);
        return all;
    }

    /**
     * Only what connects Lightpress to the given servers and database, so the benchmark can run
     * with production's settings otherwise (tests add theirs).
     */
    public static Map<String, Object> connection(EmbeddedServers servers, String jdbcUrl) {
        return Map.ofEntries(
                Map.entry("spring.datasource.url", jdbcUrl),
                Map.entry("spring.datasource.username", "postgres"),
                Map.entry("spring.datasource.password", "postgres"),
                Map.entry("spring.mail.host", "127.0.0.1"),
                Map.entry("spring.mail.port", servers.smtpPort()),
                Map.entry("spring.cloud.aws.sqs.endpoint", servers.sqsEndpoint()),
                Map.entry("spring.cloud.aws.credentials.access-key", "local"),
                Map.entry("spring.cloud.aws.credentials.secret-key", "local"),
                Map.entry("server.address", "127.0.0.1"),
                Map.entry("lightpress.auth.key-encryption-key", TEST_KEY_ENCRYPTION_KEY),
                Map.entry("lightpress.auth.internal-client-secret", INTERNAL_CLIENT_SECRET),
                Map.entry("lightpress.notifications.unsubscribe-secret", UNSUBSCRIBE_SECRET));
    }
}
