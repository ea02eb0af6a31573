package com.lightpress.notifications.inbox;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an inbox, newest first.
 *
 * @param nextCursor hand it back for the next page; null on the last page
 */
public record InboxPage(
        List<NotificationView> items, @Nullable String nextCursor) {}
