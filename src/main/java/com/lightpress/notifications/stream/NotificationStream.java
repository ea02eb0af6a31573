package com.lightpress.notifications.stream;

import com.lightpress.notifications.config.NotificationsSettings;
import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.notifications.inbox.NotificationView;
import com.lightpress.platform.EveryInstance;
import com.lightpress.users.UserId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Events streams of this process, by user: every tab of a user has one. New
 * notifications reach them through {@link DatabaseNotifications}, which hears of them from
 * PostgreSQL whichever instance created them. A stream that completes, times out or fails to
 * take a write (the heartbeat finds those) is dropped.
 */
@Component
public class NotificationStream implements SmartLifecycle {

    private static final long RECONNECT_MILLIS = 3_000;

    private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final Inbox inbox;
    private final NotificationsSettings.Stream settings;
    private final Clock clock;
    private volatile boolean running;

    NotificationStream(Inbox inbox, NotificationsSettings settings, MeterRegistry meters, Clock clock) {
        this.inbox = inbox;
        this.settings = settings.stream();
        this.clock = clock;
        Gauge.builder("lightpress.notifications.streams", this, NotificationStream::count)
                .description("Open notification streams in this process")
                .register(meters);
    }

    /**
     * Opens a stream for one tab, for as long as the access token that opened it is valid. A
     * client that reconnects names the last notification it saw and first gets what it missed.
     *
     * @throws TooManyStreams when the user already holds the most streams allowed in this process
     */
    public SseEmitter open(UserId user, @Nullable UUID lastSeen, @Nullable Instant tokenExpiresAt) {
        var emitter = new SseEmitter(lifetime(tokenExpiresAt).toMillis());
        streams.compute(user.value(), (key, open) -> {
            var mine = open == null ? ConcurrentHashMap.<SseEmitter>newKeySet() : open;
            if (mine.size() >= settings.perUser()) {
                throw new TooManyStreams();
            }
            mine.add(emitter);
            return mine;
        });
        emitter.onCompletion(() -> drop(user.value(), emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> drop(user.value(), emitter));
        send(
                user.value(),
                emitter,
                SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("connected"));
        if (lastSeen != null) {
            inbox.after(user, lastSeen, settings.replayLimit())
                    .forEach(view -> send(user.value(), emitter, event(view)));
        }
        return emitter;
    }

    /** Sends a new notification to every open stream of its user in this process. */
    void push(UserId user, UUID notificationId) {
        var mine = streams.get(user.value());
        if (mine == null || mine.isEmpty()) {
            return;
        }
        inbox.find(user, notificationId)
                .ifPresent(view -> mine.forEach(emitter -> send(user.value(), emitter, event(view))));
    }

    @Scheduled(
            initialDelayString = "${lightpress.notifications.stream.heartbeat:20s}",
            fixedDelayString = "${lightpress.notifications.stream.heartbeat:20s}")
    @EveryInstance("each process keeps alive the streams it holds open")
    void heartbeat() {
        streams.forEach((user, mine) ->
                mine.forEach(emitter -> send(user, emitter, SseEmitter.event().comment("keep-alive"))));
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream when the application shuts down, before the web server waits for open
     * requests to finish (streams never would), so clients reconnect to another instance.
     */
    @Override
    public void stop() {
        running = false;
        closeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Ends every stream, so clients reconnect and catch up on what this process may have missed. */
    void closeAll() {
        streams.values().forEach(mine -> mine.forEach(SseEmitter::complete));
        streams.clear();
    }

    /** Ends the streams of a user whose sessions ended; a client without a valid token cannot reopen. */
    void closeAll(UserId user) {
        var mine = streams.remove(user.value());
        if (mine != null) {
            mine.forEach(SseEmitter::complete);
        }
    }

    private Duration lifetime(@Nullable Instant tokenExpiresAt) {
        if (tokenExpiresAt == null) {
            return settings.timeout();
        }
        var untilExpiry = Duration.between(clock.instant(), tokenExpiresAt);
        if (untilExpiry.isNegative() || untilExpiry.isZero()) {
            return Duration.ofMillis(1);
        }
        return untilExpiry.compareTo(settings.timeout()) < 0 ? untilExpiry : settings.timeout();
    }

    /** How many streams a user has open in this process. */
    public int openStreams(UserId user) {
        var mine = streams.get(user.value());
        return mine == null ? 0 : mine.size();
    }

    private int count() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    private void send(UUID user, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            drop(user, emitter);
            emitter.completeWithError(e);
        }
    }

    private void drop(UUID user, SseEmitter emitter) {
        streams.computeIfPresent(user, (key, mine) -> {
            mine.remove(emitter);
            return mine.isEmpty() ? null : mine;
        });
    }

    private static SseEmitter.SseEventBuilder event(NotificationView view) {
        return SseEmitter.event().id(view.id().toString()).name("notification").data(view, MediaType.APPLICATION_JSON);
    }
}
