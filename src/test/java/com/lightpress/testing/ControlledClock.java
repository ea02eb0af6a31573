package com.lightpress.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Gives the application a {@link MutableClock}, so a test can move time on instead of waiting. */
@TestConfiguration(proxyBeanMethods = false)
public class ControlledClock {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
