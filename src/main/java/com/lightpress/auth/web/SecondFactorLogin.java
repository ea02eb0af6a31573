package com.lightpress.auth.web;

import com.lightpress.auth.factors.FactorAuthorities;
import com.lightpress.auth.factors.SecondFactorThrottled;
import com.lightpress.auth.factors.SecondFactors;
import com.lightpress.users.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login's second step, a plain form that needs no JavaScript: after the password, an account
 * with a second factor enters a code from its authenticator app or one of its recovery codes,
 * which every account with a second factor has, passkeys alone included (an account with passkeys
 * can use one instead, through the page's script and Spring Security's WebAuthn endpoints). A
 * right code adds its factor to the session's authentication, renews the session id and goes on
 * to the authorization request the login started from.
 */
@Controller
class SecondFactorLogin {

    private final SecondFactors factors;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    SecondFactorLogin(SecondFactors factors, Clock clock) {
        this.factors = factors;
        this.clock = clock;
    }

    @GetMapping(FactorAuthorities.SECOND_STEP_PATH)
    String form(@RequestParam Optional<String> error, Model model) {
        var user = waitingUser();
        if (user.isEmpty()) {
            return "redirect:/login";
        }
        model.addAttribute("failed", error.isPresent());
        model.addAttribute("throttled", false);
        offer(user.get(), model);
        return "auth/second-factor";
    }

    @PostMapping(FactorAuthorities.SECOND_STEP_PATH)
    String prove(
            @RequestParam(defaultValue = "") String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        var user = waitingUser();
        if (user.isEmpty()) {
            return "redirect:/login";
        }
        try {
            var factor = code.length() > 64 ? Optional.<SecondFactors.Factor>empty() : factors.prove(user.get(), code);
            if (factor.isEmpty()) {
                return "redirect:" + FactorAuthorities.SECOND_STEP_PATH + "?error";
            }
            complete(factor.get(), request, response);
            var saved = savedRequests.getRequest(request, response);
            return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
        } catch (SecondFactorThrottled e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("failed", false);
            model.addAttribute("throttled", true);
            offer(user.get(), model);
            return "auth/second-factor";
        }
    }

    /**
     * Which factors the page offers: the code field (for the app's codes and recovery codes, or
     * recovery codes alone without an app), a passkey, or both.
     */
    private void offer(UserId user, Model model) {
        var status = factors.status(user);
        model.addAttribute("app", status.hasAuthenticatorApp());
        model.addAttribute("codes", status.hasAuthenticatorApp() || status.recoveryCodesLeft() > 0);
        model.addAttribute("passkeys", status.passkeys() > 0);
    }

    /** The user who entered a right password and still owes a second factor, if that is this session. */
    private Optional<UserId> waitingUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || !FactorAuthorities.owesSecondFactor(authentication)) {
            return Optional.empty();
        }
        var user = UserId.of(authentication.getName());
        return factors.isEnrolled(user) ? Optional.of(user) : Optional.empty();
    }

    private void complete(SecondFactors.Factor factor, HttpServletRequest request, HttpServletResponse response) {
        var current = SecurityContextHolder.getContext().getAuthentication();
        var authorities = new ArrayList<GrantedAuthority>(current.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorAuthorities.of(factor))
                .issuedAt(clock.instant())
                .build());
        var completed = UsernamePasswordAuthenticationToken.authenticated(current.getName(), null, authorities);
        completed.setDetails(current.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(completed);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
    }
}
