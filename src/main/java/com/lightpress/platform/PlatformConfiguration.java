package com.lightpress.platform;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wiring every process needs, whichever modules it runs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformSettings.class)
@EnableScheduling
@EnableAsync
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
