package com.lightpress.notifications.web;

import com.lightpress.notifications.messages.MessageRenderer;
import com.lightpress.notifications.messages.RecipientFormat;
import com.lightpress.notifications.preferences.NotificationPreferences;
import com.lightpress.notifications.preferences.UnsubscribeTokens;
import com.lightpress.notifications.preferences.UnsubscribeTokens.CategoryOfUser;
import com.lightpress.platform.PlatformSettings;
import com.lightpress.users.UserAccounts;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The login-free unsubscribe link of non-critical emails; its signed token names one user and one
 * category. A POST unsubscribes: mail clients send {@code List-Unsubscribe=One-Click} (RFC 8058)
 * and get JSON, a browser submitting the confirmation form gets a page. A GET only shows that
 * form, because mail scanners follow links and must not unsubscribe anyone by doing so.
 */
@RestController
@RequestMapping("/api/notifications/unsubscribe")
class UnsubscribeController {

    private final UnsubscribeTokens tokens;
    private final NotificationPreferences preferences;
    private final UserAccounts users;
    private final MessageRenderer renderer;
    private final String appUrl;

    UnsubscribeController(
            UnsubscribeTokens tokens,
            NotificationPreferences preferences,
            UserAccounts users,
            MessageRenderer renderer,
            PlatformSettings platform) {
        this.tokens = tokens;
        this.preferences = preferences;
        this.users = users;
        this.renderer = renderer;
        this.appUrl = platform.link("/app/");
    }

    @Operation(
            summary = "Unsubscribe page",
            description = "The page an email's unsubscribe link opens: asks to confirm, changes nothing yet.")
    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String confirm(@RequestParam String token, Locale requestLocale) {
        var subject = tokens.read(token);
        return page(subject, token, false, requestLocale);
    }

    @Operation(
            summary = "Unsubscribe from a page",
            description = "The confirmation of the unsubscribe page; answers a page.")
    @PostMapping(produces = MediaType.TEXT_HTML_VALUE)
    String unsubscribeFromPage(@RequestParam String token, Locale requestLocale) {
        var subject = apply(token);
        return page(subject, token, true, requestLocale);
    }

    @Operation(
            summary = "Unsubscribe with one click",
            description =
                    "RFC 8058 one-click unsubscribe, as mail clients send it: turns off the email category named by the token.")
    @PostMapping
    Map<String, Object> unsubscribe(@RequestParam String token) {
        var subject = apply(token);
        return Map.of("category", subject.category().key(), "email", false);
    }

    /** A user whose account is gone has nothing left to unsubscribe from; that is not an error. */
    private CategoryOfUser apply(String token) {
        var subject = tokens.read(token);
        if (users.findProfile(subject.user()).isPresent()) {
            preferences.unsubscribe(subject.user(), subject.category());
        }
        return subject;
    }

    private String page(CategoryOfUser subject, String token, boolean done, Locale requestLocale) {
        var locale = users.findProfile(subject.user())
                .map(profile -> RecipientFormat.of(profile).locale())
                .orElse(requestLocale);
        var categoryName = renderer.text("category." + subject.category().key(), locale);
        return renderer.page(
                "unsubscribe",
                locale,
                Map.of(
                        "done",
                        done,
                        "categoryName",
                        categoryName,
                        "action",
                        "/api/notifications/unsubscribe?token=" + token,
                        "preferencesUrl",
                        appUrl + "#/settings/notifications"));
    }
}
