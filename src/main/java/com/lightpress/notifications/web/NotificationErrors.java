package com.lightpress.notifications.web;

import com.lightpress.notifications.inbox.NotificationNotFound;
import com.lightpress.notifications.preferences.InvalidUnsubscribeToken;
import com.lightpress.notifications.preferences.MandatoryCategory;
import com.lightpress.notifications.stream.TooManyStreams;
import com.lightpress.platform.FieldProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The notifications module's failures as problem details naming the field that was wrong. */
@RestControllerAdvice(basePackageClasses = NotificationErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationErrors {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreams e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail notFound(NotificationNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such notification.");
    }

    @ExceptionHandler
    ProblemDetail invalidToken(InvalidUnsubscribeToken e) {
        return FieldProblems.invalidField("token", "is not a valid unsubscribe token");
    }

    @ExceptionHandler
    ProblemDetail mandatory(MandatoryCategory e) {
        return FieldProblems.invalidField("categories." + e.category().key(), "cannot be turned off");
    }

    @ExceptionHandler
    ProblemDetail quietHours(PreferencesController.InvalidQuietHours e) {
        return FieldProblems.invalidField("quietHours.end", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownStatus(DeliveryAdminController.UnknownDeliveryStatus e) {
        return FieldProblems.invalidField("status", e.getMessage());
    }
}
