package com.lightpress.notifications.inbox;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an inbox, newest first.
 *
 * @param nextCursor hand it back for the next page; null on the last page
 */
public record InboxPage(
        List<NotificationView> items,

        @Schema(example = "MXwyMDI2LTExLTMwVDA5OjQxOjAwWnw2ZjFjMmI3ZS0zZDRhLTRmNWItOWM4ZC0wZTFmMmEzYjRjNWQ") @Nullable
        String nextCursor) {}
