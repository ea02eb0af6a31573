package com.lightpress.platform.web;

import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.PublicPaths;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API documents clients are generated from: the public API ({@code /v3/api-docs}) and the
 * internal API of module-to-module calls ({@code /v3/api-docs/internal}), each with its security
 * schemes and the problem answers of every operation. Error pages and local tools are in neither.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    /** Major version of the API contract; README says when it changes. */
    static final String VERSION = "2";

    static final String BEARER = "bearer";
    static final String OAUTH2 = "oauth2";
    static final String INTERNAL_OAUTH2 = "internalClient";

    static {
        // the signed-in user comes from the access token, never from the client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
        // enums as named schemas: one shared type per enum in generated clients
        ModelResolver.enumsAsRef = true;
    }

    @Bean
    OpenAPI lightpressOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Lightpress API")
                        .version(VERSION)
                        .description("Accounts, profiles, subscriptions and notifications. Every error is RFC 9457"
                                + " problem details (application/problem+json); a 400 names the wrong fields in"
                                + " its errors list."));
    }

    /** The public API; {@code /v3/api-docs} serves the same document without naming the group. */
    @Bean
    GroupedOpenApi publicApiGroup() {
        return GroupedOpenApi.builder()
                .group("public")
                .displayName("Lightpress API")
                .pathsToMatch("/api/**")
                .build();
    }

    @Bean
    GroupedOpenApi internalApiGroup() {
        return GroupedOpenApi.builder()
                .group("internal")
                .displayName("Lightpress internal API")
                .pathsToMatch("/internal/**")
                .build();
    }

    @Bean
    NullableFields nullableFields() {
        return new NullableFields();
    }

    @Bean
    OperationContract operationContract(List<PublicPaths> publicPaths) {
        return new OperationContract(publicPaths);
    }

    @Bean
    ApiExamples apiExamples() {
        return new ApiExamples();
    }

    /** Each document names the schemes its operations use, and the problem-details schema. */
    @Bean
    GlobalOpenApiCustomizer securitySchemes(PlatformSettings settings) {
        var issuer = settings.link("");
        return openApi -> {
            var paths = openApi.getPaths() == null
                    ? java.util.Set.<String>of()
                    : openApi.getPaths().keySet();
            var components = components(openApi);
            if (paths.stream().anyMatch(path -> path.startsWith("/api/"))) {
                components.addSecuritySchemes(BEARER, bearer()).addSecuritySchemes(OAUTH2, userFlows(issuer));
            }
            if (paths.stream().anyMatch(path -> path.startsWith("/internal/"))) {
                components.addSecuritySchemes(INTERNAL_OAUTH2, serviceFlow(issuer));
            }
            ProblemSchema.addTo(openApi);
        };
    }

    private static Components components(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        return openApi.getComponents();
    }

    private static SecurityScheme bearer() {
        return new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token (JWT, typ at+jwt) issued by Lightpress's authorization server"
                        + " through the oauth2 scheme's flows. Its roles claim carries USER and, for admins, ADMIN.");
    }

    private static SecurityScheme userFlows(String issuer) {
        var scopes = new Scopes()
                .addString("openid", "sign in")
                .addString("profile", "the display name")
                .addString("email", "the email address");
        var code = new OAuthFlow()
                .authorizationUrl(issuer + "/oauth2/authorize")
                .tokenUrl(issuer + "/oauth2/token")
                .refreshUrl(issuer + "/oauth2/token")
                .scopes(scopes);
        return new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Authorization code with PKCE (S256, required) for browser and mobile clients;"
                        + " the device authorization grant for command-line clients (x-device-authorization)."
                        + " Discovery: " + issuer + "/.well-known/openid-configuration")
                .flows(new OAuthFlows().authorizationCode(code))
                .extensions(Map.of(
                        "x-pkce-required",
                        true,
                        "x-device-authorization",
                        Map.of(
                                "deviceAuthorizationUrl",
                                issuer + "/oauth2/device_authorization",
                                "tokenUrl",
                                issuer + "/oauth2/token",
                                "grantType",
                                "urn:ietf:params:oauth:grant-type:device_code")));
    }

    private static SecurityScheme serviceFlow(String issuer) {
        var flow = new OAuthFlow()
                .tokenUrl(issuer + "/oauth2/token")
                .scopes(new Scopes().addString("internal", "calls between Lightpress's own processes"));
        return new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Client credentials of a Lightpress process (client lightpress-internal)")
                .flows(new OAuthFlows().clientCredentials(flow));
    }
}
