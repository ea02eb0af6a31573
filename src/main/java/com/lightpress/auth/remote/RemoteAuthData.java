package com.lightpress.auth.remote;

import com.lightpress.auth.AuthProtocol;
import com.lightpress.platform.InternalApi;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import java.util.Map;

/**
 * One of auth's sections of a user's data export when auth runs in another process: the export,
 * wherever users runs, asks auth's internal endpoint for the section, which the same local
 * {@link PersonalData} answers as in one process, so the document is whole however the modules
 * are split.
 */
final class RemoteAuthData implements PersonalData {

    private final InternalApi api;
    private final String section;

    RemoteAuthData(InternalApi api, String section) {
        this.api = api;
        this.section = section;
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public Object exportFor(UserId user) {
        return api.get("auth", AuthProtocol.PERSONAL_DATA_PATH, Object.class, user.value(), section)
                .orElse(Map.of());
    }
}
