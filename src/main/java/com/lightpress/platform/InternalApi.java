package com.lightpress.platform;

import java.util.Optional;

/**
 * Calls the internal HTTP API of a module that runs in another process, for the adapters a module
 * ships in its {@code remote} package. Requests carry a client-credentials token with the
 * {@code internal} scope, time out quickly, and are retried with backoff; when the module stays
 * unreachable they end in {@link RemoteModuleUnavailable}.
 */
public interface InternalApi {

    /**
     * Reads a resource; a 404 answer is an empty result.
     *
     * @param path a URI template below the module's base URL, such as {@code /internal/users/{id}}
     */
    <T> Optional<T> get(String module, String path, Class<T> type, Object... variables);

    /** Sends a write that is safe to repeat (idempotent), so it may be retried like a read. */
    void post(String module, String path, Object body);
}
