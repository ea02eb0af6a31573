package com.lightpress.billing.webhook;

import com.lightpress.billing.config.BillingSettings;
import com.lightpress.billing.stripe.BillingNotConfigured;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts Stripe's webhook deliveries, doing as little as is safe inside the request: verify the
 * signature on the raw body, record the event id, and hand the work to the event registry in the
 * same transaction. Stripe gets its answer in milliseconds; reading Stripe and updating the mirror
 * happen in {@link StripeEventProcessing}.
 */
@Service
public class WebhookIntake {

    /** How old a signature may be, as Stripe recommends, so a captured request cannot be replayed. */
    static final long TOLERANCE_SECONDS = 300;

    static final Set<String> HANDLED = Set.of(
            "checkout.session.completed",
            "customer.subscription.created",
            "customer.subscription.updated",
            "customer.subscription.deleted",
            "customer.subscription.trial_will_end",
            "invoice.paid",
            "invoice.payment_failed",
            "invoice.finalized");

    private final BillingSettings settings;
    private final WebhookLedger ledger;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    WebhookIntake(
            BillingSettings settings,
            WebhookLedger ledger,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.settings = settings;
        this.ledger = ledger;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Receipt receive(byte[] body, @Nullable String signature) {
        var event = verify(new String(body, StandardCharsets.UTF_8), signature);
        if (!HANDLED.contains(event.getType())) {
            return Receipt.IGNORED;
        }
        var received = received(event);
        if (ledger.record(event.getId(), event.getType(), clock.instant())) {
            events.publishEvent(received);
            return Receipt.ACCEPTED;
        }
        if (ledger.processed(event.getId())) {
            return Receipt.DUPLICATE;
        }
        events.publishEvent(received);
        return Receipt.RETRIED;
    }

    private Event verify(String payload, @Nullable String signature) {
        var secret = settings.stripe().webhookSecret();
        if (secret == null || secret.isBlank() || !settings.stripe().configured()) {
            throw new BillingNotConfigured();
        }
        if (signature == null || signature.isBlank()) {
            throw new InvalidWebhook("The Stripe-Signature header is missing.");
        }
        try {
            var event = Webhook.constructEvent(payload, signature, secret, TOLERANCE_SECONDS, clock);
            if (event.getId() == null || event.getType() == null || event.getData() == null) {
                throw new InvalidWebhook("The body is not a Stripe event.");
            }
            return event;
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhook("The signature is not valid or too old.");
        } catch (InvalidWebhook e) {
            throw e;
        } catch (RuntimeException e) {
            // stripe-java's JSON parser fails with its own unchecked exceptions on a malformed body
            throw new InvalidWebhook("The body is not a Stripe event.");
        }
    }

    private StripeEventReceived received(Event event) {
        var object = json.readTree(event.getDataObjectDeserializer().getRawJson());
        var objectId = text(object, "id");
        if (objectId == null) {
            throw new InvalidWebhook("The event carries no object.");
        }
        var created = event.getCreated() == null ? Instant.EPOCH : Instant.ofEpochSecond(event.getCreated());
        var subscription = event.getType().startsWith("checkout.session.") ? text(object, "subscription") : null;
        return new StripeEventReceived(event.getId(), event.getType(), objectId, subscription, created);
    }

    private static @Nullable String text(JsonNode object, String field) {
        var value = object.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    /** What became of a delivery. */
    public enum Receipt {
        ACCEPTED,
        RETRIED,
        DUPLICATE,
        IGNORED
    }
}
