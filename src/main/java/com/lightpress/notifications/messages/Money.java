package com.lightpress.notifications.messages;

/**
 * An amount as Stripe states it: in the currency's smallest unit, with the ISO 4217 code.
 * Messages show it in the recipient's number format.
 */
public record Money(long minorUnits, String currency) {}
