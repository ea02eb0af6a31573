package com.lightpress.local;

import com.lightpress.testing.EmbeddedServers;
import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.testing.TestSourcesFilter;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.MapPropertySource;

/**
 * What the local run adds to Lightpress: embedded servers started before the context, a mailbox
 * page, and a note in the log saying where everything is.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalRun {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);
    private static final Path DATA = Path.of(".local-data", "postgres");

    @Bean
    static LocalMailbox localMailbox() {
        return new LocalMailbox(Servers.INSTANCE.servers.smtp());
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        var environment = event.getApplicationContext().getEnvironment();
        var base = "http://localhost:" + environment.getProperty("local.server.port");
        LOG.info(
                """

                Lightpress is running at {}
                  web app    {}/app/
                  health     {}/actuator/health
                  API docs   {}/swagger-ui.html
                  mailbox    {}/local/mailbox  (every email Lightpress sends)
                  database   {} (data kept in {})
                  SQS        {}
                """,
                base,
                base,
                base,
                base,
                base,
                environment.getProperty("spring.datasource.url"),
                DATA.toAbsolutePath(),
                Servers.INSTANCE.servers.sqsEndpoint());
    }

    /**
     * The embedded servers of the local run, started when this class is first used and kept for
     * the life of the JVM. A DevTools restart loads this class again in a new class loader; the
     * servers it started before are kept as an attribute of DevTools' restarter, which outlives
     * restarts, and taken over.
     */
    enum Servers {
        INSTANCE;

        final EmbeddedServers servers = EmbeddedServers.takeOver((List<?>) Restarter.getInstance()
                .getOrAddAttribute(
                        Servers.class.getName(),
                        () -> EmbeddedServers.persistent(DATA, EmbeddedServers.freePort())
                                .running()));
    }

    /**
     * Points the context at the embedded servers and keeps test-only beans out of it. Registered
     * in the test {@code META-INF/spring.factories}, it acts only under the {@code local} profile.
     */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (!context.getEnvironment().matchesProfiles("local")) {
                return;
            }
            var servers = Servers.INSTANCE.servers;
            var properties =
                    new HashMap<String, Object>(EmbeddedServersInitializer.properties(servers, database(servers)));
            properties.put("server.address", "localhost");
            properties.put("lightpress.platform.events.resubmit-interval", "10s");
            properties.put("lightpress.platform.events.resubmit-after", "10s");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("local-run", properties));
            context.getBeanFactory().registerSingleton(TestSourcesFilter.class.getName(), new TestSourcesFilter());
        }

        private static String database(EmbeddedServers servers) {
            var url = servers.jdbcUrl("postgres");
            try (var connection = DriverManager.getConnection(url, "postgres", "postgres");
                    var statement = connection.createStatement()) {
                var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'lightpress'");
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE lightpress");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the local database", e);
            }
            return servers.jdbcUrl("lightpress");
        }
    }
}
