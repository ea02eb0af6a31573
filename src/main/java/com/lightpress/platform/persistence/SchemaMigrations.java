package com.lightpress.platform.persistence;

import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.modules.ModuleActivation;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database changes this process needs, applied at start by {@link LockedMigrations}. It is a
 * {@link SpringLiquibase} bean so that Spring Boot makes everything that uses the database wait
 * for it.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrations {

    @Bean
    SpringLiquibase liquibase(DataSource dataSource, PlatformSettings settings, ModuleActivation modules) {
        return new LockedMigrations(dataSource, settings.schema(), modules.local());
    }
}
