package com.lightpress.platform.persistence;

import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.modules.ModuleActivation;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies the database changes this process needs, in two Liquibase runs. The process run creates
 * this process's own schema (event publications, inbox) and records its history there, because
 * two processes of a split deployment each need their own copy. The module run applies the
 * changelogs of the local modules only, recorded in one shared history, because a module's
 * tables exist once whichever process it runs in.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrations {

    static final String PROCESS_CHANGELOG = "classpath:db/changelog/platform/changelog.yaml";
    static final String MODULES_CHANGELOG = "classpath:db/changelog/master.yaml";

    @Bean
    SpringLiquibase processLiquibase(DataSource dataSource, PlatformSettings settings) {
        var schema = settings.schema();
        new JdbcTemplate(dataSource).execute("CREATE SCHEMA IF NOT EXISTS " + checkedIdentifier(schema));
        var liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog(PROCESS_CHANGELOG);
        liquibase.setDefaultSchema(schema);
        liquibase.setLiquibaseSchema(schema);
        liquibase.setChangeLogParameters(Map.of("processSchema", schema));
        return liquibase;
    }

    @Bean
    @DependsOn("processLiquibase")
    SpringLiquibase liquibase(DataSource dataSource, ModuleActivation modules) {
        var liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog(MODULES_CHANGELOG);
        liquibase.setLabelFilter(String.join(" or ", modules.local()));
        return liquibase;
    }

    private static String checkedIdentifier(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("lightpress.platform.schema must be a lower-case SQL identifier");
        }
        return identifier;
    }
}
