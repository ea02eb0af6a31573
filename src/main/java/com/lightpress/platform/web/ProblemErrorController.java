package com.lightpress.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that never reached a controller (raised by a filter or the servlet container) as
 * problem details instead of Boot's default error body; it never reveals the exception.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return notFound(request);
        }
        var status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        var resolved = status == null || status.is2xxSuccessful() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        var problem = ProblemDetail.forStatusAndDetail(resolved, ProblemMessages.forStatus(resolved));
        var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            problem.setInstance(URI.create(path));
        }
        return ResponseEntity.status(resolved).body(problem);
    }

    /** Asked for directly rather than forwarded to by an error, the error page is no resource. */
    private static ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
        var problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ProblemMessages.forStatus(HttpStatus.NOT_FOUND));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
