package com.lightpress.platform.web;

import org.springframework.http.HttpStatus;

/** Plain explanations for statuses whose cause the client cannot be told more about. */
final class ProblemMessages {

    private ProblemMessages() {}

    static String forStatus(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read.";
            case UNAUTHORIZED -> "A valid access token is required.";
            case FORBIDDEN -> "You are not allowed to do this.";
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not supported here.";
            case CONTENT_TOO_LARGE -> "The request body is too large.";
            case URI_TOO_LONG -> "The request address is too long.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are too large.";
            case INTERNAL_SERVER_ERROR -> "Something went wrong on our side; it has been logged.";
            default -> status.getReasonPhrase();
        };
    }
}
