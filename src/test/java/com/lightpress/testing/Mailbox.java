package com.lightpress.testing;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The emails the shared GreenMail server received, by recipient (every test shares the server, so
 * each looks only at the addresses it made up). It always asks the current server, which a test
 * may have stopped and started again.
 */
public final class Mailbox {

    private Mailbox() {}

    public static List<Email> to(String address) {
        return Arrays.stream(EmbeddedServers.shared().smtp().getReceivedMessages())
                .filter(message -> isFor(message, address))
                .map(Email::of)
                .toList();
    }

    /** Waits until the address received at least one email, and returns the first. */
    public static Email awaitOne(String address) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> to(address), emails -> !emails.isEmpty())
                .get(0);
    }

    /** Waits until the address received an email with the subject. */
    public static Email awaitSubject(String address, String subject) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> to(address).stream()
                                .filter(email -> email.subject().equals(subject))
                                .findFirst(),
                        found -> found.isPresent())
                .orElseThrow();
    }

    static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null
                    && Arrays.stream(recipients).anyMatch(it -> it.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One received email, with its plain-text and HTML bodies decoded. */
    public record Email(MimeMessage message, String subject, String text, String html) {

        static Email of(MimeMessage message) {
            try {
                return new Email(
                        message, message.getSubject(), part(message, "text/plain"), part(message, "text/html"));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public @Nullable String header(String name) {
            try {
                return message.getHeader(name, ",");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String part(Part part, String type) throws MessagingException, IOException {
            if (part.isMimeType(type) && part.getContent() instanceof String content) {
                return content;
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    var found = part(child, type);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
            return "";
        }
    }
}
