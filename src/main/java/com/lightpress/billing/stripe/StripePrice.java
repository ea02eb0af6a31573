package com.lightpress.billing.stripe;

import com.stripe.model.Price;

/**
 * A recurring Stripe price. Stripe never changes a price's amount once created, so it may be
 * cached for good.
 */
public record StripePrice(String id, long unitAmount, String interval, long intervalCount) {

    static StripePrice of(Price price) {
        var recurring = price.getRecurring();
        return new StripePrice(
                price.getId(),
                price.getUnitAmount() == null ? 0 : price.getUnitAmount(),
                recurring == null ? "month" : recurring.getInterval(),
                recurring == null || recurring.getIntervalCount() == null ? 1 : recurring.getIntervalCount());
    }

    /** What the price costs over a year, so prices of different intervals compare. */
    public double yearlyAmount() {
        double periodsPerYear = switch (interval) {
            case "day" -> 365;
            case "week" -> 52;
            case "year" -> 1;
            default -> 12;
        };
        return unitAmount * periodsPerYear / intervalCount;
    }
}
