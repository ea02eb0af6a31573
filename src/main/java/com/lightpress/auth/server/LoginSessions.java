package com.lightpress.auth.server;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.platform.PlatformSettings;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The login page's session (saved authorization request, CSRF token, who logged in) lives in
 * PostgreSQL, so a browser may reach any instance at any moment and a deployment logs nobody out.
 * It exists only where auth runs; every other request is stateless. Its operations join the
 * request's transaction, so no request holds two connections.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(tableName = LoginSessions.TABLE, cleanupCron = Scheduled.CRON_DISABLED)
class LoginSessions {

    static final String TABLE = "auth.login_sessions";

    /** {@code __Host-} makes browsers refuse the cookie unless it is secure, host-only and for all paths. */
    private static final String SECURE_COOKIE = "__Host-lightpress_session";

    private static final String PLAIN_COOKIE = "lightpress_session";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> loginSessionLifetime(AuthSettings settings) {
        return sessions ->
                sessions.setDefaultMaxInactiveInterval(settings.session().idleTimeout());
    }

    /** The session filter's store: no request writes into a session another one renamed meanwhile. */
    @Bean
    @Primary
    LoginSessionStore loginSessionStore(
            JdbcIndexedSessionRepository sessions, JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new LoginSessionStore(sessions, jdbc, transactions);
    }

    /**
     * Two requests of one session (two tabs) that both add an attribute, such as a passkey
     * challenge, would both insert it and the second would fail: PostgreSQL's upsert lets the
     * later one win instead.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer concurrentAttributeWrites() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /** The application's own template: it joins a running transaction instead of opening one. */
    @Bean
    TransactionOperations springSessionTransactionOperations(TransactionTemplate transactions) {
        return transactions;
    }

    @Bean
    DefaultCookieSerializer cookieSerializer(PlatformSettings platform) {
        var secure = "https".equals(platform.publicUrl().getScheme());
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(secure ? SECURE_COOKIE : PLAIN_COOKIE);
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setUseSecureCookie(secure);
        cookie.setSameSite("Lax");
        return cookie;
    }

    /** Spring Authorization Server names and finds the session of an ID token's {@code sid} here. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new CurrentRequestSessions();
    }

    @Bean
    ExpiredLoginSessions expiredLoginSessions(JdbcIndexedSessionRepository sessions) {
        return new ExpiredLoginSessions(sessions);
    }

    /** Deletes expired sessions once per deployment instead of on every instance every minute. */
    static class ExpiredLoginSessions {

        private final JdbcIndexedSessionRepository sessions;

        ExpiredLoginSessions(JdbcIndexedSessionRepository sessions) {
            this.sessions = sessions;
        }

        @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT2M")
        @SchedulerLock(name = "auth.login-session-cleanup", lockAtLeastFor = "PT2M")
        void removeExpired() {
            sessions.cleanUpExpiredSessions();
        }
    }
}
