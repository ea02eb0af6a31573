package com.lightpress.auth.remote;

import com.lightpress.platform.InternalApi;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Auth's part of a user's data export (the login identity) when auth runs in another process: the export, wherever users runs, asks auth's
 * internal endpoint for it, so the document is whole however the modules are split.
 */
@Component
class RemoteCredentialData implements PersonalData {

    private final InternalApi api;

    RemoteCredentialData(InternalApi api) {
        this.api = api;
    }

    @Override
    public String section() {
        return "auth";
    }

    @Override
    public Object exportFor(UserId user) {
        return api.get("auth", "/internal/auth/personal-data/{userId}", Object.class, user.value())
                .orElse(Map.of());
    }
}
