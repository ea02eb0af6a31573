package com.lightpress.testing;

import com.lightpress.Lightpress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole Lightpress process started by a test, on the shared embedded servers, the way a
 * container would start it: with its own settings, on its own port, until the test closes it. It
 * records the events it publishes ({@link EventRecorder}) and the spans it finishes ({@link SpanRecorder}).
 */
public final class LightpressProcess implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private LightpressProcess(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /**
     * Starts a process on the given database and port with these settings on top of the ones
     * every test gets.
     */
    public static LightpressProcess start(String jdbcUrl, int port, Map<String, Object> settings) {
        return start(jdbcUrl, port, settings, new Class<?>[0]);
    }

    /** The same, with test beans of the caller's in the process too. */
    public static LightpressProcess start(
            String jdbcUrl, int port, Map<String, Object> settings, Class<?>... testBeans) {
        var properties =
                new HashMap<String, Object>(EmbeddedServersInitializer.properties(EmbeddedServers.shared(), jdbcUrl));
        properties.put("server.port", port);
        properties.putAll(settings);
        // arguments, because builder properties are defaults that application.yaml would override
        var arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        var sources = new ArrayList<Class<?>>(List.of(Lightpress.class, EventRecorder.class, SpanRecorder.class));
        sources.addAll(List.of(testBeans));
        var context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .listeners(LoggingSetupGate.around())
                .initializers(application -> application
                        .getBeanFactory()
                        .registerSingleton(TestSourcesFilter.class.getName(), new TestSourcesFilter()))
                .run(arguments);
        return new LightpressProcess(context, port);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** Publishes events in this process, as a module would. */
    public ApplicationEventPublisher events() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Every bean of the type in this process. */
    public <T> List<T> beans(Class<T> type) {
        return context.getBeanProvider(type).orderedStream().toList();
    }

    @Override
    public void close() {
        context.close();
    }
}
