package com.lightpress.notifications.mail;

import com.lightpress.notifications.config.NotificationsSettings;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records email deliveries and sends them, so that an event handled twice sends one email and an
 * email that could not be sent is neither lost nor sent again once it was accepted.
 *
 * <p>Each step commits on its own, and none holds a database connection while SMTP talks:
 * recording the delivery (unique per event, template and recipient), claiming it (status SENDING
 * with a lease, counting the attempt), sending, and marking it SENT right after the SMTP server
 * accepted it. A crash before the SMTP server accepts leaves a claim whose lease runs out, and the
 * next attempt sends. A crash in the moment between acceptance and the SENT commit cannot be told
 * apart from that, so the email is then sent again: delivery is at least once, and that window is
 * a single short update long.
 */
@Service
public class Deliveries {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final int ERROR_LENGTH = 500;

    private final DeliveryRepository deliveries;
    private final JdbcAggregateOperations aggregates;
    private final Postman postman;
    private final NotificationsSettings settings;
    private final Clock clock;

    Deliveries(
            DeliveryRepository deliveries,
            JdbcAggregateOperations aggregates,
            Postman postman,
            NotificationsSettings settings,
            Clock clock) {
        this.deliveries = deliveries;
        this.aggregates = aggregates;
        this.postman = postman;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records a delivery unless the same event already made it; returns its id either way. It
     * runs statement by statement, so a concurrent run of the same event losing the race on the
     * unique key simply finds the winner's row.
     */
    public UUID record(DeliveryRequest request) {
        var key = request.recipient().value();
        var existing = deliveries.findByKey(request.eventId(), request.template(), key);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        try {
            return aggregates.insert(Delivery.record(request, clock.instant())).id();
        } catch (DuplicateKeyException e) {
            return deliveries
                    .findByKey(request.eventId(), request.template(), key)
                    .orElseThrow()
                    .id();
        }
    }

    /**
     * Sends a delivery if it is due and nobody else is sending it.
     *
     * @return the status it is left in: SENT, WAITING (for quiet hours to end) or FAILED (for good)
     * @throws DeliveryNotSentYet when this attempt failed and a later one should try again, or
     *     another sender holds the delivery and may still fail
     */
    public DeliveryStatus send(UUID id) {
        var now = clock.instant();
        if (deliveries.claim(id, now, now.plus(settings.sendLease())) == 0) {
            return unclaimable(id);
        }
        var delivery = deliveries.findById(id).orElseThrow();
        try {
            postman.send(id, delivery.email());
        } catch (MailException e) {
            return failed(id, e);
        }
        deliveries.markSent(id, clock.instant());
        return DeliveryStatus.SENT;
    }

    /** Sends held-back email whose quiet hours are over; a failure waits for the next round. */
    public int sendDue(int limit) {
        var due = deliveries.dueDeferred(clock.instant(), limit);
        var sent = 0;
        for (var id : due) {
            try {
                sent += send(id) == DeliveryStatus.SENT ? 1 : 0;
            } catch (DeliveryNotSentYet e) {
                LOG.debug("Held-back delivery {} not sent yet: {}", id, e.getMessage());
            }
        }
        return sent;
    }

    @Transactional(readOnly = true)
    public List<DeliveryView> withStatus(DeliveryStatus status, int limit) {
        return deliveries.findByStatus(status.name(), limit).stream()
                .map(Delivery::toView)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<DeliveryView> allOf(UserId user) {
        return deliveries.allOf(user.value()).stream().map(Delivery::toView).toList();
    }

    @Transactional
    public void forget(UserId user) {
        deliveries.deleteAllOf(user.value());
    }

    private DeliveryStatus unclaimable(UUID id) {
        var status = deliveries.findById(id).orElseThrow().status();
        if (status == DeliveryStatus.SENDING || status == DeliveryStatus.PENDING) {
            throw new DeliveryNotSentYet(id, "another attempt is sending it");
        }
        return status;
    }

    private DeliveryStatus failed(UUID id, MailException e) {
        var error = String.valueOf(e.getMessage());
        error = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
        deliveries.recordFailure(id, error, settings.maxAttempts(), clock.instant());
        var status = deliveries.findById(id).orElseThrow().status();
        if (status == DeliveryStatus.FAILED) {
            LOG.error("Giving up on email delivery {} after {} attempts: {}", id, settings.maxAttempts(), error);
            return status;
        }
        throw new DeliveryNotSentYet(id, error, e);
    }
}
