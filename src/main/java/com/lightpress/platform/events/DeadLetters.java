package com.lightpress.platform.events;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Service;

/**
 * What admins can do with the event publications Lightpress gave up on: list them, read one, and
 * replay it. A replay puts the publication back into the registry under its own id and runs its
 * listener at once; replaying it again while that runs, or after, changes nothing.
 */
@Service
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final PublicationStore store;
    private final IncompleteEventPublications publications;
    private final Clock clock;

    DeadLetters(PublicationStore store, IncompleteEventPublications publications, Clock clock) {
        this.store = store;
        this.publications = publications;
        this.clock = clock;
    }

    public List<DeadLetter> newestFirst(int limit) {
        return store.deadLetters(limit);
    }

    public Optional<DeadLetter> find(UUID id) {
        return store.deadLetter(id);
    }

    /** Replays the dead letter if it still waits; answers it as it is afterwards, if it exists. */
    public Optional<DeadLetter> replay(UUID id) {
        if (store.replay(id, clock.instant())) {
            LOG.info("Replaying dead letter {}", id);
            publications.resubmitIncompletePublications(
                    publication -> publication.getIdentifier().equals(id));
        }
        return store.deadLetter(id);
    }
}
