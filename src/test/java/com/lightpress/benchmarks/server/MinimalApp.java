package com.lightpress.benchmarks.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference for start time and memory: the smallest Spring Boot application with what every
 * Lightpress request path has, Spring MVC on Tomcat and a JDBC pool to PostgreSQL. Its class path
 * is the matching part of Lightpress's own libraries, so both start on the same versions.
 */
@SpringBootApplication
@RestController
public class MinimalApp {

    private final JdbcTemplate jdbc;

    MinimalApp(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/ready")
    Integer ready() {
        return jdbc.queryForObject("SELECT 1", Integer.class);
    }

    public static void main(String[] args) {
        SpringApplication.run(MinimalApp.class, args);
    }
}
