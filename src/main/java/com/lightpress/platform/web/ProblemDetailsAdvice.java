package com.lightpress.platform.web;

import com.lightpress.platform.FieldProblems;
import com.lightpress.platform.PageCursor;
import com.lightpress.platform.RemoteModuleUnavailable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns Spring MVC's own exceptions into problem details, naming the fields that were wrong, and
 * a module in another process being unreachable into 503. It runs after every module's own error
 * mapping; anything nobody maps reaches the error controller and becomes a 500 without internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), message(error)))
                .toList();
        return badRequest(FieldProblems.INVALID_FIELDS, errors, headers, request, ex);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error ->
                                fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return badRequest("The request has invalid parameters.", errors, headers, request, ex);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var cause = ex.getMostSpecificCause();
        if (cause instanceof RequestBodyLimit.BodyTooLarge) {
            return handleExceptionInternal(
                    ex,
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, cause.getMessage()),
                    headers,
                    HttpStatus.CONTENT_TOO_LARGE,
                    request);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            var errors = List.of(fieldError(unknown.getPropertyName(), "is not a known field"));
            return badRequest("The request has unknown fields.", errors, headers, request, ex);
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            var field = databind.getPath().stream()
                    .map(JacksonException.Reference::getPropertyName)
                    .filter(name -> name != null)
                    .collect(Collectors.joining("."));
            return badRequest(
                    "The request has a field of the wrong type.",
                    List.of(fieldError(field, "has the wrong type or format")),
                    headers,
                    request,
                    ex);
        }
        return badRequest("The request body is missing or is not valid JSON.", List.of(), headers, request, ex);
    }

    /** A page cursor the API did not make: the same answer in every module. */
    @ExceptionHandler
    ProblemDetail invalidCursor(PageCursor.InvalidCursor e) {
        return FieldProblems.invalidField("cursor", e.getMessage());
    }

    /** Another process's module is down: the client may try again later. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> remoteModuleUnavailable(RemoteModuleUnavailable e) {
        logger.warn(e.getMessage(), e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    private @Nullable ResponseEntity<Object> badRequest(
            String detail, List<Map<String, String>> errors, HttpHeaders headers, WebRequest request, Exception ex) {
        return handleExceptionInternal(
                ex, FieldProblems.badRequest(detail, errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Map<String, String> fieldError(@Nullable String field, @Nullable String message) {
        return FieldProblems.error(field == null ? "" : field, message == null ? "is invalid" : message);
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}
