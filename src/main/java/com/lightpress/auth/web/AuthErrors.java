package com.lightpress.auth.web;

import com.lightpress.auth.credentials.HashingBusy;
import com.lightpress.auth.credentials.InvalidToken;
import com.lightpress.auth.credentials.Throttled;
import com.lightpress.auth.credentials.WeakPassword;
import com.lightpress.auth.credentials.WrongPassword;
import com.lightpress.auth.factors.AlreadyEnrolled;
import com.lightpress.auth.factors.InvalidCode;
import com.lightpress.auth.factors.InvalidPasskey;
import com.lightpress.auth.factors.NotEnrolled;
import com.lightpress.auth.factors.PasskeyNotFound;
import com.lightpress.platform.FieldProblems;
import java.time.Clock;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Auth's failures as problem details naming the field that was wrong. */
@RestControllerAdvice(basePackageClasses = AuthErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthErrors {

    private final Clock clock;

    AuthErrors(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler
    ProblemDetail invalidToken(InvalidToken e) {
        return FieldProblems.invalidField("token", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail weakPassword(WeakPassword e) {
        return FieldProblems.invalidField(e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail wrongPassword(WrongPassword e) {
        return FieldProblems.invalidField("currentPassword", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidCode(InvalidCode e) {
        return FieldProblems.invalidField("code", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail alreadyEnrolled(AlreadyEnrolled e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notEnrolled(NotEnrolled e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidPasskey(InvalidPasskey e) {
        return FieldProblems.invalidField(e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail passkeyNotFound(PasskeyNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> throttled(Throttled e) {
        var wait = Math.max(1, Duration.between(clock.instant(), e.retryAfter()).toSeconds());
        return retryLater(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), wait);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> busy(HashingBusy e) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), 1);
    }

    private static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, String detail, long seconds) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
