package com.lightpress.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the public API document at {@code /v3/api-docs}, where clients and tools look first;
 * springdoc's own ungrouped document, which would mix in the internal API, is turned off.
 */
@Hidden
@Controller
class PublicApiDocument {

    @GetMapping("/v3/api-docs")
    String publicApi() {
        return "forward:/v3/api-docs/public";
    }
}
