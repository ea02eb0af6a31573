package com.lightpress.users;

import com.lightpress.platform.InternalApi;
import java.util.Map;

/**
 * A section of the data export held by a module that runs in another process: asked of that
 * module's internal endpoint (its path takes the user id and, where it has one, the section), so
 * the document is whole however the modules are split. Empty when the module holds nothing.
 */
public record RemotePersonalData(InternalApi api, String module, String section, String path) implements PersonalData {

    @Override
    public Object exportFor(UserId user) {
        return api.get(module, path, Object.class, user.value(), section).orElse(Map.of());
    }
}
