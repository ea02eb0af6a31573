package com.lightpress.platform.remote;

import com.lightpress.platform.InternalApi;
import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.RemoteModuleUnavailable;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.env.Environment;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * {@link InternalApi} over HTTP: the module's base URL comes from
 * {@code lightpress.modules.remote.<module>.url}. Network failures and 5xx answers are retried
 * three times with exponential backoff and jitter; a 4xx other than 404 means the caller is wrong
 * and is not. Beyond that the caller's own retry takes over: a listener's publication is retried
 * with backoff and becomes a dead letter, a request answers 503.
 */
class HttpInternalApi implements InternalApi {

    private final RestClient http;
    private final InternalTokens tokens;
    private final Environment environment;
    private final RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
            .maxRetries(3)
            .delay(Duration.ofMillis(100))
            .multiplier(3)
            .maxDelay(Duration.ofSeconds(1))
            .jitter(Duration.ofMillis(50))
            .predicate(failure -> !(failure instanceof HttpClientErrorException))
            .build());

    HttpInternalApi(RestClient http, InternalTokens tokens, Environment environment) {
        this.http = http;
        this.tokens = tokens;
        this.environment = environment;
    }

    @Override
    public <T> Optional<T> get(String module, String path, Class<T> type, Object... variables) {
        return call(module, () -> {
            try {
                return Optional.ofNullable(http.get()
                        .uri(baseUrl(module) + path, variables)
                        .headers(headers -> headers.setBearerAuth(tokens.current()))
                        .retrieve()
                        .body(type));
            } catch (HttpClientErrorException e) {
                if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public void post(String module, String path, Object body) {
        call(
                module,
                () -> http.post()
                        .uri(baseUrl(module) + path)
                        .headers(headers -> headers.setBearerAuth(tokens.current()))
                        .body(body)
                        .retrieve()
                        .toBodilessEntity());
    }

    private <T> T call(String module, Supplier<T> request) {
        try {
            return retries.invoke(request);
        } catch (HttpClientErrorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RemoteModuleUnavailable(module, e);
        }
    }

    private String baseUrl(String module) {
        var url = environment.getProperty("lightpress.modules.remote." + module + ".url");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("lightpress.modules.remote." + module + ".url is not set");
        }
        return PlatformSettings.withoutTrailingSlash(url);
    }
}
