package com.lightpress.billing.subscription;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Persistence wiring of billing's subscription mirror. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories
class SubscriptionConfiguration {}
