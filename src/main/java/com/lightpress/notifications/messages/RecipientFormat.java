package com.lightpress.notifications.messages;

import com.lightpress.users.UserProfile;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * How one recipient reads dates and amounts: their locale and time zone, from their profile. A
 * locale or zone Java does not know falls back to English and UTC rather than losing the message.
 */
public record RecipientFormat(Locale locale, ZoneId zone) {

    public static RecipientFormat of(UserProfile profile) {
        var locale = Locale.forLanguageTag(profile.locale().replace('_', '-'));
        return new RecipientFormat(locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale, zone(profile.timeZone()));
    }

    public static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    String format(Object value, String appUrl) {
        if (value instanceof Instant instant) {
            return dateTime(instant);
        }
        if (value instanceof Money money) {
            return money(money);
        }
        if (value instanceof AppRoute route) {
            return appUrl + route.route();
        }
        return String.valueOf(value);
    }

    String dateTime(Instant instant) {
        var dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
        var zoneName = DateTimeFormatter.ofPattern("zzz", locale).withZone(zone);
        return dateTime.format(instant) + " " + zoneName.format(instant);
    }

    String money(Money money) {
        try {
            var currency = Currency.getInstance(money.currency().toUpperCase(Locale.ROOT));
            var format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(currency);
            var digits = Math.max(0, currency.getDefaultFractionDigits());
            return format.format(BigDecimal.valueOf(money.minorUnits(), digits));
        } catch (IllegalArgumentException e) {
            return BigDecimal.valueOf(money.minorUnits(), 2).toPlainString() + " "
                    + money.currency().toUpperCase(Locale.ROOT);
        }
    }
}
