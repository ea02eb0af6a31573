package com.lightpress.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides the HTTP session from every request of the API's chain (the API, the web client's files,
 * documentation, health). A browser on auth's origin sends auth's login cookie with each of them,
 * and whatever asks for the session in passing (the details of a token's authentication, Spring
 * MVC's flash attributes) would have Spring Session load the login session and save it again: each
 * call would cost queries, wait for the session's row lock and keep the login from idling out.
 * Nothing in this chain may start a session either: asking for one is a programming error.
 */
final class SessionlessRequests extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Sessionless(request), response);
    }

    private static final class Sessionless extends HttpServletRequestWrapper {

        Sessionless(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable HttpSession getSession(boolean create) {
            if (create) {
                throw noSession();
            }
            return null;
        }

        @Override
        public HttpSession getSession() {
            throw noSession();
        }

        @Override
        public String changeSessionId() {
            throw noSession();
        }

        @Override
        public @Nullable String getRequestedSessionId() {
            return null;
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }

        private static IllegalStateException noSession() {
            return new IllegalStateException("The API keeps no HTTP session");
        }
    }
}
