package com.lightpress.billing.web;

import com.lightpress.billing.subscription.NoSubscription;
import com.lightpress.billing.subscription.PlanChangePreview;
import com.lightpress.billing.subscription.PlanChanges;
import com.lightpress.billing.subscription.SubscriptionView;
import com.lightpress.billing.subscription.Subscriptions;
import com.lightpress.platform.ApiProblems;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's subscription and the changes they can make to it. */
@RestController
@RequestMapping("/api/billing/subscription")
class SubscriptionController {

    private final Subscriptions subscriptions;
    private final PlanChanges changes;

    SubscriptionController(Subscriptions subscriptions, PlanChanges changes) {
        this.subscriptions = subscriptions;
        this.changes = changes;
    }

    @Operation(
            summary = "Read my subscription",
            description = "The current subscription, its plan and status; 404 when there is none.")
    @ApiProblems(404)
    @GetMapping
    SubscriptionView current(AuthenticatedUser user) {
        return subscriptions.current(new UserId(user.id())).orElseThrow(NoSubscription::new);
    }

    /** What changing to the plan would be invoiced, without changing anything. */
    @Operation(
            summary = "Preview a plan change",
            description =
                    "What changing to the plan would cost now (proration), without changing anything. 404 without a subscription, 502 when Stripe fails.")
    @ApiProblems({404, 409, 502})
    @PostMapping("/preview")
    PlanChangePreview preview(AuthenticatedUser user, @Valid @RequestBody PlanRequest request) {
        return changes.preview(new UserId(user.id()), request.plan());
    }

    /** Upgrades at once with proration; downgrades when the period ends. */
    @Operation(
            summary = "Change my plan",
            description =
                    "Moves the subscription to another plan with proration; 404 without a subscription, 409 when already on it, 502 when Stripe fails.")
    @ApiProblems({404, 409, 502})
    @PutMapping
    SubscriptionView change(AuthenticatedUser user, @Valid @RequestBody PlanRequest request) {
        return changes.change(new UserId(user.id()), request.plan());
    }

    /** Cancels at the end of the period the user has paid for. */
    @Operation(
            summary = "Cancel my subscription",
            description = "Cancels at the end of the paid period. 404 without a subscription, 502 when Stripe fails.")
    @ApiProblems({404, 502})
    @DeleteMapping
    SubscriptionView cancel(AuthenticatedUser user) {
        return changes.cancelAtPeriodEnd(new UserId(user.id()), true);
    }

    /** Takes back a cancellation that has not taken effect yet. */
    @Operation(
            summary = "Resume my subscription",
            description =
                    "Undoes a cancellation before the period ends. 404 without a subscription, 502 when Stripe fails.")
    @ApiProblems({404, 502})
    @PostMapping("/resume")
    SubscriptionView resume(AuthenticatedUser user) {
        return changes.cancelAtPeriodEnd(new UserId(user.id()), false);
    }
}
