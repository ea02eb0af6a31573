package com.lightpress.billing;

import com.lightpress.users.UserId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records the billing events that were committed, so tests can count them. */
@TestConfiguration(proxyBeanMethods = false)
class PublishedBillingEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(SubscriptionStatusChanged event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(InvoicePaid event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(PaymentFailed event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(TrialEnding event) {
        events.add(event);
    }

    <T> List<T> of(Class<T> type, UserId user) {
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(event -> user.equals(userOf(event)))
                .toList();
    }

    private static UserId userOf(Object event) {
        if (event instanceof SubscriptionStatusChanged changed) {
            return changed.userId();
        }
        if (event instanceof InvoicePaid paid) {
            return paid.userId();
        }
        if (event instanceof PaymentFailed failed) {
            return failed.userId();
        }
        return ((TrialEnding) event).userId();
    }
}
