package com.lightpress.billing.config;

import com.lightpress.platform.PublicPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The billing module's configuration; it exists only when billing runs in this process. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingSettings.class)
class BillingConfiguration {

    @Bean
    PublicPaths billingPublicPaths() {
        return PublicPaths.of("/api/billing/plans", "/api/billing/status", "/api/billing/stripe/webhook");
    }
}
