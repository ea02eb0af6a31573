package com.lightpress.notifications.web;

import com.lightpress.notifications.messages.MessageRenderer;
import com.lightpress.notifications.messages.RecipientFormat;
import com.lightpress.notifications.preferences.NotificationPreferences;
import com.lightpress.notifications.preferences.UnsubscribeTokens;
import com.lightpress.notifications.preferences.UnsubscribeTokens.CategoryOfUser;
import com.lightpress.platform.ApiExample;
import com.lightpress.platform.PlatformSettings;
import com.lightpress.users.UserAccounts;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
 * and get JSON, a browser submitting the confirmation form (Accept: text/html) gets a page; the
 * API document shows both answers as one operation. A GET only shows that form, because mail
 * scanners follow links and must not unsubscribe anyone by doing so.
 */
@RestController
@RequestMapping("/api/notifications/unsubscribe")
class UnsubscribeController {

    private static final String PAGE_EXAMPLE =
            "<!DOCTYPE html><html lang=\"en\"><head><title>Unsubscribe</title></head>"
                    + "<body><main><h1>Unsubscribe</h1><p>Stop sending account emails to this address?</p>"
                    + "<form method=\"post\" action=\"/api/notifications/unsubscribe?token=eyJ1Ijoi...\">"
                    + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                    + "<button type=\"submit\">Unsubscribe</button></form></main></body></html>";
    private static final String DONE_EXAMPLE =
            "<!DOCTYPE html><html lang=\"en\"><head><title>Unsubscribe</title></head>"
                    + "<body><main><h1>Unsubscribe</h1><p>Done: you will get no more account emails."
                    + " Security emails still reach you.</p></main></body></html>";

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
    @ApiExample(mediaType = MediaType.TEXT_HTML_VALUE, response = PAGE_EXAMPLE)
    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String confirm(@RequestParam String token, Locale requestLocale) {
        var subject = tokens.read(token);
        return page(subject, token, false, requestLocale);
    }

    /** The page's answer to its own form; documented with {@link #unsubscribe}, whose path it shares. */
    @Hidden
    @PostMapping(produces = MediaType.TEXT_HTML_VALUE)
    String unsubscribeFromPage(@RequestParam String token, Locale requestLocale) {
        var subject = apply(token);
        return page(subject, token, true, requestLocale);
    }

    @Operation(
            summary = "Unsubscribe",
            description = "Turns off the email category named by the token, without a login. Mail clients send it as"
                    + " RFC 8058 one-click unsubscribe and get JSON; the unsubscribe page's form sends the same"
                    + " request with Accept: text/html and gets a page saying it is done. Which answer comes"
                    + " follows the Accept header: text/html when it is preferred, JSON otherwise (also without"
                    + " Accept). The body is optional and ignored.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = false,
                            description = "What RFC 8058 has mail clients send: List-Unsubscribe=One-Click.",
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                        schema = @Schema(implementation = OneClick.class)),
                                @Content(
                                        mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                        schema = @Schema(implementation = OneClick.class))
                            }),
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "Unsubscribed: JSON for mail clients, a page for a browser.",
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema =
                                                @Schema(
                                                        type = "object",
                                                        requiredProperties = {"category", "email"}),
                                        schemaProperties = {
                                            @SchemaProperty(
                                                    name = "category",
                                                    schema =
                                                            @Schema(
                                                                    type = "string",
                                                                    description = "The email category turned off.",
                                                                    example = "account")),
                                            @SchemaProperty(
                                                    name = "email",
                                                    schema =
                                                            @Schema(
                                                                    type = "boolean",
                                                                    description = "Email for the category: now off.",
                                                                    example = "false"))
                                        }),
                                @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string"))
                            }))
    @ApiExample(mediaType = MediaType.TEXT_HTML_VALUE, response = DONE_EXAMPLE)
    @PostMapping
    Unsubscribed unsubscribe(@RequestParam String token) {
        var subject = apply(token);
        return new Unsubscribed(subject.category().key(), false);
    }

    /** The body of a one-click unsubscribe (RFC 8058). */
    record OneClick(
            @Schema(
                    name = "List-Unsubscribe",
                    allowableValues = "One-Click",
                    example = "One-Click",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String listUnsubscribe) {}

    /** The machine answer: the category whose email is now off. */
    record Unsubscribed(String category, boolean email) {}

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
