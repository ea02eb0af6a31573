package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.runtime.ApplicationModulesRuntime;

/**
 * A process that runs every module never builds Spring Modulith's module model, which imports every
 * class with ArchUnit (seconds of CPU at each start): no event leaves it, and the actuator shows the
 * model precomputed at build time ({@code ModularityTests} keeps that file current).
 */
@LightpressTest
class ModuleModelTests {

    @Autowired
    ConfigurableApplicationContext context;

    @Value("${local.server.port}")
    int port;

    @Test
    void theMonolithServesEventsAndTheModulesEndpointWithoutBuildingTheModel() {
        var client = new OAuthClient(port);
        client.newUser("Modest");

        var modules = Api.okBody(Api.client(port).get().uri("/actuator/modulith"), client.admin());

        assertThat(OAuthClient.json(modules).propertyNames()).contains("users", "auth", "billing", "notifications");
        assertThat(context.getBeanFactory().getBeanNamesForType(ApplicationModulesRuntime.class, false, false))
                .noneMatch(name -> context.getBeanFactory().containsSingleton(name));
    }
}
