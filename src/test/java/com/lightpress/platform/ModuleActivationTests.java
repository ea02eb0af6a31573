package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** A module that is not local contributes no beans, endpoints or tables. */
@LightpressTest(properties = "lightpress.modules.local=users")
class ModuleActivationTests {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Value("${local.server.port}")
    int port;

    @Test
    void onlyLocalModulesContributeBeansAndRemoteOnesOnlyTheirAdapters() {
        assertThat(beanPackages())
                .anyMatch(name -> name.startsWith("com.lightpress.users."))
                .noneMatch(name -> name.startsWith("com.lightpress.users.remote."))
                .anyMatch(name -> name.startsWith("com.lightpress.billing.remote."))
                .anyMatch(name -> name.startsWith("com.lightpress.auth.remote."))
                .anyMatch(name -> name.startsWith("com.lightpress.notifications.remote."));
        for (var remote : List.of("auth", "billing", "notifications")) {
            assertThat(beanPackages())
                    .as("beans of %s", remote)
                    .filteredOn(name -> name.startsWith("com.lightpress." + remote + "."))
                    .allMatch(name -> name.startsWith("com.lightpress." + remote + ".remote."));
        }
    }

    @Test
    void onlyLocalModulesHaveEndpoints() {
        var paths = handlers.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .toList();
        assertThat(paths)
                .contains("/api/users/me")
                .noneMatch(path -> path.startsWith("/api/billing"))
                .noneMatch(path -> path.startsWith("/api/auth"))
                .noneMatch(path -> path.startsWith("/api/notifications"));
    }

    @Test
    void pathsOfOtherModulesAreNotPublic() {
        Api.client(port)
                .get()
                .uri("/api/billing/plans")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void onlyLocalModulesHaveSchemas() {
        var schemas = jdbc.queryForList("SELECT schema_name FROM information_schema.schemata", String.class);
        assertThat(schemas).contains("users", "lightpress").doesNotContain("billing", "auth", "notifications");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lightpress.event_publication", Integer.class))
                .isZero();
    }

    private List<String> beanPackages() {
        var factory = context.getBeanFactory();
        return Arrays.stream(factory.getBeanDefinitionNames())
                .map(factory::getType)
                .filter(type -> type != null)
                .map(Class::getName)
                .toList();
    }
}
