package com.lightpress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Lightpress {
    public static void main(String[] args) {
        SpringApplication.run(Lightpress.class, args);
    }
}
