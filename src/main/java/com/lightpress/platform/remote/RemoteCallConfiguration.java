package com.lightpress.platform.remote;

import com.lightpress.platform.InternalApi;
import com.lightpress.platform.TokenIssuer;
import com.lightpress.platform.modules.SomeModuleIsRemote;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Synchronous calls to modules in other processes. Tokens come from the token issuer's endpoint:
 * in this process when the issuer runs here, at its URL otherwise.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SomeModuleIsRemote.class)
class RemoteCallConfiguration {

    @Bean
    InternalApi internalApi(
            ObjectProvider<TokenIssuer> issuer,
            Environment environment,
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
        var tokens = new InternalTokens(
                () -> issuer.getObject(), () -> issuerUrl(issuer.getObject(), environment), http, clock);
        return new HttpInternalApi(http, tokens, environment);
    }

    private static String issuerUrl(TokenIssuer issuer, Environment environment) {
        if (issuer.isLocal()) {
            return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
        }
        return issuer.remoteBase();
    }
}
