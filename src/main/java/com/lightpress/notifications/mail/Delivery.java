package com.lightpress.notifications.mail;

import com.lightpress.users.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One email for one (event, template, recipient). Its status moves only through the conditional
 * updates of {@link DeliveryRepository}, so two senders can never both own it. The body is kept
 * until the email is sent (a failed one keeps it, so an admin can replay it).
 */
@Table(schema = "notifications", name = "deliveries")
class Delivery {

    @Id
    private final UUID id;

    private final UUID eventId;
    private final String template;
    private final UserId userId;
    private final String recipient;
    private final String category;
    private final DeliveryStatus status;
    private final int attempts;
    private final @Nullable Instant notBefore;
    private final @Nullable Instant claimedUntil;
    private final Instant retryUntil;
    private final String subject;
    private final @Nullable String htmlBody;
    private final @Nullable String textBody;
    private final @Nullable String unsubscribeUrl;
    private final @Nullable String lastError;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final @Nullable Instant sentAt;

    @PersistenceCreator
    Delivery(
            UUID id,
            UUID eventId,
            String template,
            UserId userId,
            String recipient,
            String category,
            DeliveryStatus status,
            int attempts,
            @Nullable Instant notBefore,
            @Nullable Instant claimedUntil,
            Instant retryUntil,
            String subject,
            @Nullable String htmlBody,
            @Nullable String textBody,
            @Nullable String unsubscribeUrl,
            @Nullable String lastError,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant sentAt) {
        this.id = id;
        this.eventId = eventId;
        this.template = template;
        this.userId = userId;
        this.recipient = recipient;
        this.category = category;
        this.status = status;
        this.attempts = attempts;
        this.notBefore = notBefore;
        this.claimedUntil = claimedUntil;
        this.retryUntil = retryUntil;
        this.subject = subject;
        this.htmlBody = htmlBody;
        this.textBody = textBody;
        this.unsubscribeUrl = unsubscribeUrl;
        this.lastError = lastError;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.sentAt = sentAt;
    }

    /** A new delivery, to be tried until {@code retryUntil} (counted from when it may first go out). */
    static Delivery record(DeliveryRequest request, Instant now, Duration retryFor) {
        var email = request.email();
        var status = request.notBefore() == null ? DeliveryStatus.PENDING : DeliveryStatus.WAITING;
        return new Delivery(
                UUID.randomUUID(),
                request.eventId(),
                request.template(),
                request.recipient(),
                email.to(),
                request.category(),
                status,
                0,
                request.notBefore(),
                null,
                (request.notBefore() == null ? now : request.notBefore()).plus(retryFor),
                email.subject(),
                email.html(),
                email.text(),
                email.unsubscribeUrl(),
                null,
                now,
                now,
                null);
    }

    UUID id() {
        return id;
    }

    DeliveryStatus status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    /** The email to hand to SMTP; only a delivery that is being sent still has its body. */
    OutgoingEmail email() {
        if (htmlBody == null || textBody == null) {
            throw new IllegalStateException("Delivery " + id + " has no body left to send");
        }
        return new OutgoingEmail(recipient, subject, htmlBody, textBody, unsubscribeUrl);
    }

    DeliveryView toView() {
        return new DeliveryView(
                id,
                eventId,
                template,
                userId.value(),
                recipient,
                category,
                subject,
                status,
                attempts,
                lastError,
                notBefore,
                createdAt,
                updatedAt,
                sentAt);
    }
}
