package com.lightpress.platform;

import java.util.UUID;

/**
 * An event one module publishes for others. Its id stays the same however often it is delivered,
 * so listeners and the SQS inbox can recognise a redelivery.
 */
public interface DomainEvent {

    UUID eventId();
}
