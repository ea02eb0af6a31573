package com.lightpress.platform.remote;

import com.lightpress.platform.InternalApi;
import com.lightpress.platform.modules.ModuleActivation;
import com.lightpress.platform.modules.SomeModuleIsRemote;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Synchronous calls to modules in other processes. Tokens come from auth's token endpoint: in this
 * process when auth is local, at auth's URL otherwise.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SomeModuleIsRemote.class)
class RemoteCallConfiguration {

    @Bean
    InternalApi internalApi(
            ModuleActivation activation,
            Environment environment,
            @Value("${lightpress.auth.internal-client-secret:}") String secret,
            ObservationRegistry observations,
            Clock clock) {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(5));
        // observed, so every call is a client span and carries the trace to the other process
        var http = RestClient.builder()
                .requestFactory(requests)
                .observationRegistry(observations)
                .build();
        var tokens = new InternalTokens(() -> authUrl(activation, environment) + "/oauth2/token", secret, http, clock);
        return new HttpInternalApi(http, tokens, environment);
    }

    private static String authUrl(ModuleActivation activation, Environment environment) {
        if (activation.isLocal("auth")) {
            return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
        }
        return environment
                .getRequiredProperty("lightpress.modules.remote.auth.url")
                .replaceAll("/$", "");
    }
}
