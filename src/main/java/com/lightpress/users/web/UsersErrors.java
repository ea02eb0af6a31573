package com.lightpress.users.web;

import com.lightpress.platform.FieldProblems;
import com.lightpress.users.account.AccountManagement;
import com.lightpress.users.account.AccountNotFound;
import com.lightpress.users.account.AdminCannotDisableSelf;
import com.lightpress.users.account.InvalidProfileField;
import com.lightpress.users.account.LastAdminCannotStepDown;
import com.lightpress.users.account.RecentLoginRequired;
import com.lightpress.users.account.StaleAccountVersion;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Users' failures as problem details. */
@RestControllerAdvice(basePackageClasses = UsersErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UsersErrors {

    @ExceptionHandler
    ProblemDetail invalidField(InvalidProfileField e) {
        return FieldProblems.invalidField(e.field(), e.getMessage());
    }

    @ExceptionHandler({AccountNotFound.class, InternalUsersController.NoSuchAccount.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such account.");
    }

    @ExceptionHandler
    ProblemDetail stale(StaleAccountVersion e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail preconditionMissing(ETags.PreconditionMissing e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(LastAdminCannotStepDown e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(AdminCannotDisableSelf e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail inactive(AccountInactive e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** RFC 9470: the client should send the user through a fresh login (max_age) and try again. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> recentLogin(RecentLoginRequired e) {
        var seconds = AccountManagement.RECENT_LOGIN.toSeconds();
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"insufficient_user_authentication\", max_age=" + seconds)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage()));
    }
}
