package com.lightpress.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.billing.InvoicePaid;
import com.lightpress.notifications.preferences.Category;
import com.lightpress.notifications.preferences.CategoryChannel;
import com.lightpress.notifications.preferences.Channel;
import com.lightpress.notifications.preferences.ChosenPreferences;
import com.lightpress.users.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.json.JsonMapper;

/** The notifications section of a user's data export holds their preferences, inbox and emails. */
class PersonalDataExportTests extends NotificationsModuleTest {

    @Autowired
    List<PersonalData> sections;

    @Autowired
    JsonMapper json;

    @Test
    void exportHoldsPreferencesInboxAndEmailRecordsWithoutBodies(Scenario scenario) {
        var user = user("en", "UTC");
        preferences.choose(
                user.id(), new ChosenPreferences(Set.of(new CategoryChannel(Category.PRODUCT, Channel.EMAIL)), null));
        var paid = InvoicePaid.of(user.id(), "in_8", "LP-8", 4200, "eur", "https://invoice.example/8", Instant.now());
        publishAndAwaitEmail(scenario, paid, user);
        awaitNotification(user);
        var section = sections.stream()
                .filter(it -> it.section().equals("notifications"))
                .findFirst()
                .orElseThrow();

        var exported = json.readTree(json.writeValueAsString(section.exportFor(user.id())));

        assertThat(exported.path("preferences").path("disabled").toString()).contains("PRODUCT", "EMAIL");
        assertThat(exported.path("inbox").get(0).path("title").asString()).isEqualTo("Payment received");
        var email = exported.path("emails").get(0);
        assertThat(email.path("subject").asString()).isEqualTo("Receipt for invoice LP-8");
        assertThat(email.path("recipient").asString()).isEqualTo(user.email());
        assertThat(email.toString()).doesNotContain("htmlBody", "textBody");
    }
}
