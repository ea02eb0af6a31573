package com.lightpress.auth.web;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The server-rendered pages of the login flow: the login form and device activation. */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login(@RequestParam Optional<String> error, @RequestParam Optional<String> logout, Model model) {
        model.addAttribute("failed", error.isPresent());
        model.addAttribute("loggedOut", logout.isPresent());
        return "auth/login";
    }

    @GetMapping("/activate")
    String activate(
            @RequestParam Optional<String> done, @RequestParam("user_code") Optional<String> userCode, Model model) {
        model.addAttribute("done", done.isPresent());
        model.addAttribute("userCode", userCode.orElse(""));
        return "auth/activate";
    }
}
