package com.lightpress.billing.stripe;

import com.stripe.model.SubscriptionSchedule;
import com.stripe.param.SubscriptionScheduleCreateParams;
import com.stripe.param.SubscriptionScheduleUpdateParams;
import com.stripe.param.SubscriptionScheduleUpdateParams.Phase;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Plan changes that take effect at the end of the period (downgrades), through a Stripe
 * subscription schedule: the current price until the period ends, then the new one, after which
 * the schedule releases the subscription.
 */
@Component
public class StripeSchedules {

    private final StripeConnection stripe;

    StripeSchedules(StripeConnection stripe) {
        this.stripe = stripe;
    }

    /** Schedules the change and answers the schedule's id. */
    public String changeAtPeriodEnd(StripeSubscription current, StripePrice next) {
        var schedule = current.scheduleId() != null ? retrieve(current.scheduleId()) : createFrom(current.id());
        var phase = schedule.getCurrentPhase();
        var params = SubscriptionScheduleUpdateParams.builder()
                .addPhase(Phase.builder()
                        .addItem(item(current.priceId()))
                        .setStartDate(phase.getStartDate())
                        .setEndDate(phase.getEndDate())
                        .build())
                .addPhase(Phase.builder()
                        .addItem(item(next.id()))
                        .setDuration(Phase.Duration.builder()
                                .setInterval(Phase.Duration.Interval.valueOf(
                                        next.interval().toUpperCase(Locale.ROOT)))
                                .setIntervalCount(next.intervalCount())
                                .build())
                        .build())
                .setEndBehavior(SubscriptionScheduleUpdateParams.EndBehavior.RELEASE)
                .setProrationBehavior(SubscriptionScheduleUpdateParams.ProrationBehavior.NONE)
                .build();
        return stripe.call(
                        "schedule the plan change",
                        client -> client.v1().subscriptionSchedules().update(schedule.getId(), params))
                .getId();
    }

    private SubscriptionSchedule retrieve(String scheduleId) {
        return stripe.call(
                "read subscription schedule",
                client -> client.v1().subscriptionSchedules().retrieve(scheduleId));
    }

    private SubscriptionSchedule createFrom(String subscriptionId) {
        var params = SubscriptionScheduleCreateParams.builder()
                .setFromSubscription(subscriptionId)
                .build();
        return stripe.call(
                "create subscription schedule",
                client -> client.v1().subscriptionSchedules().create(params));
    }

    private static Phase.Item item(String priceId) {
        return Phase.Item.builder().setPrice(priceId).setQuantity(1L).build();
    }
}
