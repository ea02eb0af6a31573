package com.lightpress.notifications.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Enables the repository of email deliveries. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories
class MailConfiguration {}
