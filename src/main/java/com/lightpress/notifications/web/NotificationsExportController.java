package com.lightpress.notifications.web;

import com.lightpress.platform.ApiExample;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications's part of a user's data export for the process that runs users when that is another
 * one (the internal endpoint behind notifications's remote adapter of users' {@link PersonalData}).
 */
@RestController
class NotificationsExportController {

    private final PersonalData data;

    NotificationsExportController(List<PersonalData> sections) {
        this.data = sections.stream()
                .filter(section -> section.section().equals("notifications"))
                .findFirst()
                .orElseThrow();
    }

    @Operation(
            summary = "Export notifications's part of a user's data",
            description =
                    "What notifications holds about the user, for the data export of a users module running in another process.")
    @ApiExample(
            response =
                    "{\"preferences\": {\"disabled\": [], \"quietHours\": {\"start\": \"22:00:00\", \"end\": \"07:00:00\"}},"
                            + " \"inbox\": [], \"emails\": []}")
    @GetMapping("/internal/notifications/personal-data/{userId}")
    Object personalData(@PathVariable UUID userId) {
        return data.exportFor(new UserId(userId));
    }
}
