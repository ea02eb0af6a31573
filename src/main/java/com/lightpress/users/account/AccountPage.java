package com.lightpress.users.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an account search, with the opaque cursor of the next page (null on the last page).
 */
public record AccountPage(
        List<AccountView> items,

        @Schema(example = "MXwyMDI2LTExLTMwVDA5OjQxOjAwWnw2ZjFjMmI3ZS0zZDRhLTRmNWItOWM4ZC0wZTFmMmEzYjRjNWQ") @Nullable
        String nextCursor) {}
