package com.lightpress.billing;

import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.StripeStub;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The whole application with billing on against the shared Stripe stub. Every billing test class
 * uses exactly this, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@LightpressTest(
        properties = {
            StripeStub.API_KEY_PROPERTY,
            StripeStub.WEBHOOK_SECRET_PROPERTY,
            StripeStub.RETRIES_PROPERTY,
            StripeStub.READ_TIMEOUT_PROPERTY,
            StripeStub.CONNECTION_TIMEOUT_PROPERTY
        })
@Import(PublishedBillingEvents.class)
@interface BillingTest {}
