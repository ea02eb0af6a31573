package com.lightpress.notifications.messages;

import com.lightpress.notifications.mail.OutgoingEmail;
import com.lightpress.platform.PlatformSettings;
import com.lightpress.users.UserProfile;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Puts messages into their recipient's language: emails from the Thymeleaf templates under
 * {@code templates/notifications/mail}, texts from the {@code notifications/messages} bundles. It
 * keeps its own template engine, so the application's (auth's login page) stays as Boot made it.
 */
@Component
public class MessageRenderer {

    private static final String TEMPLATES = "templates/notifications/";

    private final MessageSource messages = bundle();
    private final SpringTemplateEngine engine = engine(messages);
    private final String appUrl;

    MessageRenderer(PlatformSettings platform) {
        this.appUrl = platform.link("/app/");
    }

    public OutgoingEmail email(Message message, UserProfile to, @Nullable String unsubscribeUrl) {
        var format = RecipientFormat.of(to);
        var values = values(message, to, format);
        var subject = text(message.key() + ".subject", message, values, format.locale());
        var variables = new HashMap<String, Object>(values);
        variables.put("subject", subject);
        variables.put("greeting", greeting(to, format.locale()));
        variables.put("key", message.key());
        variables.put("critical", message.template().critical());
        variables.put("categoryName", categoryName(message, format.locale()));
        variables.put("preferencesUrl", appUrl + "#/settings/notifications");
        variables.put("forgotPasswordUrl", appUrl + "#/forgot-password");
        variables.put("appUrl", appUrl);
        if (unsubscribeUrl != null) {
            variables.put("unsubscribeUrl", unsubscribeUrl);
        }
        var html = render("mail/" + message.template().id() + ".html", format.locale(), variables);
        var text = render("mail/" + message.template().id() + ".txt", format.locale(), variables)
                        .strip() + "\n";
        return new OutgoingEmail(to.email(), subject, html, text, unsubscribeUrl);
    }

    public RenderedNotice notice(Message message, UserProfile to) {
        var format = RecipientFormat.of(to);
        var values = values(message, to, format);
        var title = text(message.key() + ".title", message, values, format.locale());
        var body = text(message.key() + ".body", message, values, format.locale());
        return new RenderedNotice(title, body, message.template().route());
    }

    /** A page of this module's own, such as the unsubscribe confirmation. */
    public String page(String name, Locale locale, Map<String, Object> variables) {
        return render("page/" + name + ".html", locale, variables);
    }

    public String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private Map<String, Object> values(Message message, UserProfile to, RecipientFormat format) {
        var values = new HashMap<String, Object>();
        message.values().forEach((name, value) -> values.put(name, format.format(value, appUrl)));
        values.put("name", to.emailConfirmed() ? to.displayName() : "");
        return values;
    }

    /**
     * Greets by name only an owner who confirmed the address: before that, the name is text anyone
     * could have typed into a sign-up for someone else's address, and it stays out of their mail.
     */
    private String greeting(UserProfile to, Locale locale) {
        return to.emailConfirmed()
                ? messages.getMessage("common.greeting", new Object[] {to.displayName()}, locale)
                : messages.getMessage("common.greeting.unnamed", null, locale);
    }

    private String text(String key, Message message, Map<String, Object> values, Locale locale) {
        var arguments = message.template().arguments().stream().map(values::get).toArray();
        return messages.getMessage(key, arguments, locale);
    }

    private String categoryName(Message message, Locale locale) {
        return messages.getMessage("category." + message.template().category().key(), null, locale);
    }

    private String render(String template, Locale locale, Map<String, Object> variables) {
        return engine.process(template, new Context(locale, variables));
    }

    private static MessageSource bundle() {
        var bundle = new ResourceBundleMessageSource();
        bundle.setBasename("notifications/messages");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        bundle.setAlwaysUseMessageFormat(true);
        return bundle;
    }

    private static SpringTemplateEngine engine(MessageSource messages) {
        var engine = new SpringTemplateEngine();
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(TEMPLATES);
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        return resolver;
    }
}
