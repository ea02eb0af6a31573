package com.lightpress.auth.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The server-rendered pages of the login flow: the login form and device activation. */
@Controller
class LoginPageController {

    /** The login form; after a refusal because every password check was taken, it answers 503. */
    @GetMapping("/login")
    String login(
            @RequestParam Optional<String> error,
            @RequestParam Optional<String> logout,
            @RequestParam Optional<String> busy,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("failed", error.isPresent());
        model.addAttribute("loggedOut", logout.isPresent());
        model.addAttribute("busy", busy.isPresent());
        if (busy.isPresent()) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        return "auth/login";
    }

    @GetMapping("/activate")
    String activate(
            @RequestParam Optional<String> done, @RequestParam("user_code") Optional<String> userCode, Model model) {
        model.addAttribute("done", done.isPresent());
        model.addAttribute("userCode", userCode.orElse(""));
        return "auth/activate";
    }

    /**
     * Asks the user to confirm a device before it gets tokens: the device flow always asks,
     * because the user code could have come from someone else's screen.
     */
    @GetMapping("/activate/consent")
    String consent(
            @RequestParam("client_id") String clientId,
            @RequestParam("user_code") String userCode,
            @RequestParam String state,
            @RequestParam(defaultValue = "") String scope,
            Model model) {
        model.addAttribute("clientId", clientId);
        model.addAttribute("userCode", userCode);
        model.addAttribute("state", state);
        model.addAttribute(
                "scopes",
                List.of(scope.split(" ")).stream().filter(it -> !it.isBlank()).toList());
        return "auth/consent";
    }
}
