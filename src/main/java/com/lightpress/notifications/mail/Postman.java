package com.lightpress.notifications.mail;

import com.lightpress.notifications.config.NotificationsSettings;
import com.lightpress.platform.PlatformSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands emails to the SMTP server. Every email of a delivery carries the same Message-ID, so in
 * the rare case one is sent twice (see {@link Deliveries}) receivers that collapse duplicates by
 * Message-ID show it once.
 */
@Component
class Postman {

    private final JavaMailSender mail;
    private final NotificationsSettings settings;
    private final String messageIdDomain;

    Postman(JavaMailSender mail, NotificationsSettings settings, PlatformSettings platform) {
        this.mail = mail;
        this.settings = settings;
        this.messageIdDomain = platform.publicUrl().getHost();
    }

    void send(UUID deliveryId, OutgoingEmail email) throws MailException {
        mail.send(compose(deliveryId, email));
    }

    private MimeMessage compose(UUID deliveryId, OutgoingEmail email) {
        var message = mail.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            message.setHeader("Message-ID", "<" + deliveryId + "@" + messageIdDomain + ">");
            message.setHeader("Auto-Submitted", "auto-generated");
            if (email.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot compose the email of delivery " + deliveryId, e);
        }
    }
}
