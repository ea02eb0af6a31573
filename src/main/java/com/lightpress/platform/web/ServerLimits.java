package com.lightpress.platform.web;

import com.lightpress.platform.PlatformSettings;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * What the server refuses before any module sees a request, and how: bodies over the limit, text
 * the database cannot store, and whatever Tomcat itself rejects, all answered as problem details.
 */
@Configuration(proxyBeanMethods = false)
class ServerLimits {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(PlatformSettings settings, ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(settings.maxRequestBody().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<NulParameters> nulParameters(JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new NulParameters(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** JSON strings with a NUL character are refused like a field of the wrong type. */
    @Bean
    JacksonModule storedText() {
        return new SimpleModule("lightpress-stored-text").addDeserializer(String.class, new StoredText());
    }

    /** Runs after Boot's own customizer, which installs Tomcat's HTML error report. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
        return factory -> factory.addContextCustomizers(context -> {
            var host = (StandardHost) context.getParent();
            for (var valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            host.getPipeline().addValve(new ProblemReportValve());
        });
    }
}
