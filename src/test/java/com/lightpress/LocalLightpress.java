package com.lightpress;

import com.lightpress.local.LocalRun;
import org.springframework.boot.SpringApplication;

/**
 * Runs Lightpress on this machine with everything embedded: {@code ./mvnw spring-boot:test-run}.
 * PostgreSQL keeps its data in {@code .local-data/}; every email lands in a mailbox page.
 */
public class LocalLightpress {

    public static void main(String[] args) {
        SpringApplication.from(Lightpress::main)
                .with(LocalRun.class)
                .withAdditionalProfiles("local")
                .run(args);
    }
}
