package com.lightpress.auth.server;

import com.lightpress.auth.credentials.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits device authorization requests per client address: each needs no login and leaves a row
 * until its code expires, so without a limit anyone could fill the table.
 */
final class DeviceRequestLimit extends OncePerRequestFilter {

    static final String PATH = "/oauth2/device_authorization";
    private static final int PER_WINDOW = 30;
    private static final Duration WINDOW = Duration.ofHours(1);

    private final RateLimits limits;
    private final Clock clock;

    DeviceRequestLimit(RateLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().equals(request.getContextPath() + PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var window = limits.count("device-requests:" + request.getRemoteAddr(), PER_WINDOW, WINDOW);
        if (window.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(
                HttpHeaders.RETRY_AFTER,
                String.valueOf(Math.max(
                        1, Duration.between(clock.instant(), window.endsAt()).toSeconds())));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"slow_down\",\"error_description\":\"Too many device requests.\"}");
    }
}
