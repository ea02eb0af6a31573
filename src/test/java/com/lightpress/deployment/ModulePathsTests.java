package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.platform.modules.ModuleActivation;
import com.lightpress.testing.LightpressTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The one list of each module's public paths ({@link ModulePaths}) fits the application: every
 * endpoint of a module is routed to that module and to no other, and every endpoint of the
 * platform (the web client, API docs, errors) to none, so it reaches the main service. A new
 * endpoint outside its module's paths fails here before a load balancer sends it to the wrong
 * service.
 */
@LightpressTest
class ModulePathsTests {

    /** Auth's own pages, served by its filters rather than by handler methods. */
    static final List<String> AUTH_PAGES = List.of("/login", "/logout", "/activate", "/activate/consent");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Autowired
    AuthorizationServerSettings authorizationServer;

    @Test
    void routesEveryEndpointToTheModuleThatServesIt() {
        var problems = new ArrayList<String>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            var owner =
                    ModuleActivation.moduleOf(method.getBeanType().getName()).orElse(null);
            mapping.getPatternValues().forEach(pattern -> check(pattern, owner, problems));
        });

        assertThat(problems).isEmpty();
    }

    @Test
    void routesTheAuthorizationServersEndpointsPagesAndStylesToAuth() throws IOException {
        var problems = new ArrayList<String>();
        var styles = new PathMatchingResourcePatternResolver().getResources("classpath:static/auth/*");
        Stream.of(
                        authorizationServer.getAuthorizationEndpoint(),
                        authorizationServer.getPushedAuthorizationRequestEndpoint(),
                        authorizationServer.getDeviceAuthorizationEndpoint(),
                        authorizationServer.getDeviceVerificationEndpoint(),
                        authorizationServer.getTokenEndpoint(),
                        authorizationServer.getJwkSetEndpoint(),
                        authorizationServer.getTokenRevocationEndpoint(),
                        authorizationServer.getTokenIntrospectionEndpoint(),
                        authorizationServer.getOidcClientRegistrationEndpoint(),
                        authorizationServer.getOidcUserInfoEndpoint(),
                        authorizationServer.getOidcLogoutEndpoint(),
                        "/.well-known/openid-configuration",
                        "/.well-known/oauth-authorization-server")
                .forEach(path -> check(path, "auth", problems));
        AUTH_PAGES.forEach(path -> check(path, "auth", problems));
        for (var style : styles) {
            check("/auth/" + style.getFilename(), "auth", problems);
        }

        assertThat(styles).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    private static void check(String pattern, @Nullable String owner, List<String> problems) {
        var path = pattern.replaceAll("\\{[^}]+}", "x").replaceAll("/\\*\\*$", "/x");
        if (path.startsWith("/internal/") || path.startsWith("/actuator")) {
            return;
        }
        var routedTo = ModulePaths.modulesMatching(path);
        var expected = owner == null ? List.of() : List.of(owner);
        if (!routedTo.equals(expected)) {
            problems.add(path + " of " + (owner == null ? "the platform" : owner) + " goes to " + routedTo);
        }
    }
}
