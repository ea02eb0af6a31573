package com.lightpress.notifications.web;

import com.lightpress.notifications.inbox.InvalidCursor;
import com.lightpress.notifications.inbox.NotificationNotFound;
import com.lightpress.notifications.preferences.InvalidUnsubscribeToken;
import com.lightpress.notifications.preferences.MandatoryCategory;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The notifications module's failures as problem details naming the field that was wrong. */
@RestControllerAdvice(basePackageClasses = NotificationErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationErrors {

    @ExceptionHandler
    ProblemDetail notFound(NotificationNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such notification.");
    }

    @ExceptionHandler
    ProblemDetail invalidCursor(InvalidCursor e) {
        return fieldProblem("cursor", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidToken(InvalidUnsubscribeToken e) {
        return fieldProblem("token", "is not a valid unsubscribe token");
    }

    @ExceptionHandler
    ProblemDetail mandatory(MandatoryCategory e) {
        return fieldProblem("categories." + e.category().key(), "cannot be turned off");
    }

    @ExceptionHandler
    ProblemDetail quietHours(PreferencesController.InvalidQuietHours e) {
        return fieldProblem("quietHours.end", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownStatus(DeliveryAdminController.UnknownDeliveryStatus e) {
        return fieldProblem("status", e.getMessage());
    }

    private static ProblemDetail fieldProblem(String field, String message) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
