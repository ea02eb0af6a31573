package com.lightpress.billing.invoice;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Persistence wiring of billing's invoice mirror. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories
class InvoiceConfiguration {}
