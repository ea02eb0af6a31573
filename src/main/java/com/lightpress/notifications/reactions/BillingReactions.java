package com.lightpress.notifications.reactions;

import com.lightpress.billing.InvoicePaid;
import com.lightpress.billing.PaymentFailed;
import com.lightpress.billing.SubscriptionStatus;
import com.lightpress.billing.SubscriptionStatusChanged;
import com.lightpress.billing.TrialEnding;
import com.lightpress.notifications.messages.AppRoute;
import com.lightpress.notifications.messages.Message;
import com.lightpress.notifications.messages.Money;
import com.lightpress.notifications.messages.Template;
import com.lightpress.notifications.preferences.Channel;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/** Tells users about their subscription and their payments; without a transaction, as auth's. */
@Component
class BillingReactions {

    private static final AppRoute BILLING = new AppRoute("#/billing");

    private final Notifier notifier;

    BillingReactions(Notifier notifier) {
        this.notifier = notifier;
    }

    /** Always in the inbox; by email only when it changes what the user has or must do. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SubscriptionStatusChanged event) {
        var message = Message.of(Template.SUBSCRIPTION_CHANGED)
                .variant(event.to().name().toLowerCase(Locale.ROOT))
                .with("plan", planName(event.plan()))
                .with("billingUrl", BILLING);
        var worthAnEmail = worthAnEmail(event.from(), event.to());
        notifier.notify(event.eventId(), event.userId(), worthAnEmail ? message : message.only(Channel.IN_APP));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(InvoicePaid event) {
        var message = Message.of(Template.RECEIPT)
                .with("amount", new Money(event.amountPaid(), event.currency()))
                .with("number", event.number())
                .with("paidAt", event.paidAt())
                .with("invoiceUrl", event.hostedInvoiceUrl())
                .with("billingUrl", BILLING);
        notifier.notify(event.eventId(), event.userId(), message);
    }

    /** Dunning: the portal (billing page) to fix the payment method, and the invoice itself. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentFailed event) {
        var message = Message.of(Template.PAYMENT_FAILED)
                .with("amount", new Money(event.amountDue(), event.currency()))
                .with("invoiceUrl", event.hostedInvoiceUrl())
                .with("billingUrl", BILLING);
        var nextAttempt = event.nextAttemptAt();
        notifier.notify(
                event.eventId(),
                event.userId(),
                nextAttempt == null ? message : message.with("nextAttemptAt", nextAttempt));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TrialEnding event) {
        var message = Message.of(Template.TRIAL_ENDING)
                .with("plan", planName(event.plan()))
                .with("endsAt", event.trialEndsAt())
                .with("billingUrl", BILLING);
        notifier.notify(event.eventId(), event.userId(), message);
    }

    /**
     * A subscription that starts, converts from its trial, ends, pauses or stays unpaid is worth an
     * email. Falling past due is not: the dunning email of the failed payment says it already, as
     * the receipt does for a recovery.
     */
    static boolean worthAnEmail(@Nullable SubscriptionStatus from, SubscriptionStatus to) {
        return switch (to) {
            case ACTIVE -> from != SubscriptionStatus.PAST_DUE && from != SubscriptionStatus.UNPAID;
            case TRIALING -> from == null || from == SubscriptionStatus.INCOMPLETE;
            case CANCELED, UNPAID, PAUSED, INCOMPLETE_EXPIRED -> true;
            case PAST_DUE, INCOMPLETE -> false;
        };
    }

    private static String planName(String plan) {
        return plan.isEmpty() ? plan : plan.substring(0, 1).toUpperCase(Locale.ROOT) + plan.substring(1);
    }
}
