package com.lightpress.billing.web;

import com.lightpress.billing.stripe.BillingNotConfigured;
import com.lightpress.billing.stripe.StripeCallFailed;
import com.lightpress.billing.subscription.AlreadyOnPlan;
import com.lightpress.billing.subscription.AlreadySubscribed;
import com.lightpress.billing.subscription.NoSubscription;
import com.lightpress.billing.subscription.UnknownPlan;
import com.lightpress.billing.webhook.InvalidWebhook;
import com.lightpress.platform.FieldProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Billing's failures as problem details; Stripe's own error text never reaches the client. */
@RestControllerAdvice(basePackageClasses = BillingErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BillingErrors {

    @ExceptionHandler
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ProblemDetail notConfigured(BillingNotConfigured e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Billing is not configured.");
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_GATEWAY)
    ProblemDetail stripeFailed(StripeCallFailed e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_GATEWAY, e.getMessage() + " Nothing was changed; please try again.");
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail invalidWebhook(InvalidWebhook e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail unknownPlan(UnknownPlan e) {
        return FieldProblems.invalidField("plan", e.getMessage());
    }

    @ExceptionHandler({AlreadySubscribed.class, AlreadyOnPlan.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail noSubscription(NoSubscription e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
