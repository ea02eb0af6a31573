package com.lightpress.notifications.mail;

import com.lightpress.notifications.config.NotificationsSettings;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
 * a single short update long. An attempt that SMTP refuses is tried again with exponential backoff
 * for {@code retry.give-up-after}; the event's listener completes after the first attempt, since
 * the delivery row itself now carries the work.
 */
@Service
public class Deliveries {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final int ERROR_LENGTH = 500;

    private final DeliveryRepository deliveries;
    private final JdbcAggregateOperations aggregates;
    private final Postman postman;
    private final NotificationsSettings settings;
    private final MailMeters meters;
    private final Clock clock;

    Deliveries(
            DeliveryRepository deliveries,
            JdbcAggregateOperations aggregates,
            Postman postman,
            NotificationsSettings settings,
            MailMeters meters,
            Clock clock) {
        this.deliveries = deliveries;
        this.aggregates = aggregates;
        this.postman = postman;
        this.settings = settings;
        this.meters = meters;
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
            return aggregates
                    .insert(Delivery.record(
                            request, clock.instant(), settings.retry().giveUpAfter()))
                    .id();
        } catch (DuplicateKeyException e) {
            return deliveries
                    .findByKey(request.eventId(), request.template(), key)
                    .orElseThrow()
                    .id();
        }
    }

    /**
     * Sends a delivery if it is due and nobody else is sending it. A failed attempt is not an
     * error for the caller: the delivery waits for its next attempt (exponential backoff with
     * jitter) and {@link DueMail} sends it then, until its retry window closes and it is FAILED.
     *
     * @return the status it is left in: SENT, PENDING (another attempt is scheduled), WAITING (for
     *     quiet hours), SENDING (another sender holds it) or FAILED (given up)
     */
    public DeliveryStatus send(UUID id) {
        var now = clock.instant();
        if (deliveries.claim(id, now, now.plus(settings.sendLease())) == 0) {
            return deliveries.findById(id).orElseThrow().status();
        }
        var delivery = deliveries.findById(id).orElseThrow();
        try {
            postman.send(id, delivery.email());
        } catch (MailException e) {
            return failed(delivery, e);
        }
        deliveries.markSent(id, clock.instant());
        meters.sent();
        return DeliveryStatus.SENT;
    }

    /** Sends email that is due (quiet hours over, next attempt reached); answers how many were tried. */
    public int sendDue(int limit) {
        var due = deliveries.due(clock.instant(), limit);
        due.forEach(this::send);
        return due.size();
    }

    /**
     * Gives a failed delivery a new retry window and sends it at once (a failure schedules the
     * next attempt as usual). A delivery that is not failed (sent, or replayed already) is left as
     * it is, so replaying twice sends once.
     *
     * @return the delivery as it is afterwards, if it exists
     */
    public Optional<DeliveryView> replay(UUID id) {
        var now = clock.instant();
        if (deliveries.replay(id, now, now.plus(settings.retry().giveUpAfter())) == 1) {
            LOG.info("Email delivery {} replayed by an admin", id);
            send(id);
        }
        return deliveries.findById(id).map(Delivery::toView);
    }

    @Transactional(readOnly = true)
    public Optional<DeliveryView> find(UUID id) {
        return deliveries.findById(id).map(Delivery::toView);
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

    private DeliveryStatus failed(Delivery delivery, MailException e) {
        var error = String.valueOf(e.getMessage());
        error = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
        var now = clock.instant();
        var next = now.plus(settings.retry().backoff().delayAfter(delivery.attempts(), delivery.id()));
        deliveries.recordFailure(delivery.id(), error, next, now);
        meters.failed();
        var status = deliveries.findById(delivery.id()).orElseThrow().status();
        if (status == DeliveryStatus.FAILED) {
            meters.dead();
            LOG.error(
                    "Giving up on email delivery {} after {} attempts: {}", delivery.id(), delivery.attempts(), error);
        } else {
            LOG.warn(
                    "Email delivery {} failed (attempt {}), next attempt at {}: {}",
                    delivery.id(),
                    delivery.attempts(),
                    next,
                    error);
        }
        return status;
    }
}
