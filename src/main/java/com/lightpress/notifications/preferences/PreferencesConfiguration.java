package com.lightpress.notifications.preferences;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Enables the repository of notification preferences. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories
class PreferencesConfiguration {}
