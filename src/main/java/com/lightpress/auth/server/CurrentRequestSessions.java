package com.lightpress.auth.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Which browser login a login session holds, by a mark of its own: the session id changes (at
 * login, at token requests that carry the cookie), the mark stays. A login's authorization keeps
 * the mark of the session it was made in ({@link AuthorizationStore}), so ending the login can end
 * that session on every instance. As Spring Authorization Server's session registry it names no
 * sessions: the server's own would guess among all of a user's sessions in one instance's memory,
 * and its logout check would compare ids that have changed since.
 */
final class CurrentRequestSessions implements SessionRegistry {

    /** The session attribute holding the mark, and the prefix of an attribute named by it. */
    static final String MARK = "lightpress.login";

    /** Marks the session of a login that just succeeded. */
    static void markLogin(HttpServletRequest request) {
        var mark = UUID.randomUUID().toString();
        var session = request.getSession();
        session.setAttribute(MARK, mark);
        session.setAttribute(markAttribute(mark), Boolean.TRUE);
    }

    /** The attribute by which the database finds the session a mark belongs to. */
    static String markAttribute(String mark) {
        return MARK + "." + mark;
    }

    /** The mark of the current request's browser session, if the user is logged in with it. */
    static Optional<String> markOf(String principal) {
        return currentSession()
                .filter(session -> principal.equals(principalOf(session)))
                .map(session -> session.getAttribute(MARK))
                .map(String::valueOf);
    }

    @Override
    public List<Object> getAllPrincipals() {
        return List.of();
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return List.of();
    }

    @Override
    public @Nullable SessionInformation getSessionInformation(String sessionId) {
        return null;
    }

    @Override
    public void refreshLastRequest(String sessionId) {
        // sessions live in PostgreSQL and keep their own time
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        // sessions are marked at login
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        // ending a session deletes it from PostgreSQL
    }

    private static Optional<HttpSession> currentSession() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.ofNullable(attributes.getRequest().getSession(false))
                : Optional.empty();
    }

    private static String principalOf(HttpSession session) {
        return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                                instanceof SecurityContext context
                        && context.getAuthentication() != null
                ? context.getAuthentication().getName()
                : "";
    }
}
