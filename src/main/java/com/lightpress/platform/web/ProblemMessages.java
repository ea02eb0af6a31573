package com.lightpress.platform.web;

import org.springframework.http.HttpStatus;

/** Plain explanations for statuses whose cause the client cannot be told more about. */
final class ProblemMessages {

    private ProblemMessages() {}

    static String forStatus(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "A valid access token is required.";
            case FORBIDDEN -> "You are not allowed to do this.";
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not supported here.";
            case INTERNAL_SERVER_ERROR -> "Something went wrong on our side; it has been logged.";
            default -> status.getReasonPhrase();
        };
    }
}
