package com.lightpress.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every email a test's addresses received, across restarts of the SMTP server (a restarted
 * GreenMail forgets what it received): the test stops the server through this archive, which keeps
 * what the server had received so far.
 */
public final class MailArchive {

    private final Set<String> addresses = ConcurrentHashMap.newKeySet();
    private final List<Mailbox.Email> earlier = new ArrayList<>();

    /** Starts keeping the emails of an address. */
    public String watch(String address) {
        addresses.add(address);
        return address;
    }

    /** Keeps what the server received, then stops it. */
    public synchronized void stopSmtp() {
        addresses.forEach(address -> earlier.addAll(Mailbox.to(address)));
        EmbeddedServers.shared().stopSmtp();
    }

    public void restartSmtp() {
        EmbeddedServers.shared().restartSmtp();
    }

    /** The subjects of every email the address received, however often the server restarted. */
    public synchronized List<String> subjects(String address) {
        var subjects = new ArrayList<String>();
        earlier.stream()
                .filter(email -> Mailbox.isFor(email.message(), address))
                .forEach(email -> subjects.add(email.subject()));
        if (EmbeddedServers.shared().smtp().isRunning()) {
            Mailbox.to(address).forEach(email -> subjects.add(email.subject()));
        }
        return subjects;
    }

    /**
     * Waits until every address received its email, then checks for a while that each stays the
     * only one with its subject.
     *
     * @param expected pairs of address and subject
     */
    public void awaitExactlyOnce(List<Map.Entry<String, String>> expected) {
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(expected)
                        .allSatisfy(email -> assertThat(subjects(email.getKey()))
                                .as("emails to %s", email.getKey())
                                .contains(email.getValue())));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(expected)
                        .allSatisfy(email -> assertThat(subjects(email.getKey()))
                                .as("emails to %s", email.getKey())
                                .filteredOn(email.getValue()::equals)
                                .hasSize(1)));
    }
}
