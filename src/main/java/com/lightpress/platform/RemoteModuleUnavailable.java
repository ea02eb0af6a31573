package com.lightpress.platform;

/**
 * A module running in another process could not be reached in time; the request that needed it
 * is answered with 503, so the client may try again later.
 */
public class RemoteModuleUnavailable extends RuntimeException {

    private final String module;

    public RemoteModuleUnavailable(String module, Throwable cause) {
        super("The " + module + " service is not available right now.", cause);
        this.module = module;
    }

    public String module() {
        return module;
    }
}
