package com.lightpress.platform.events;

import com.lightpress.platform.PlatformSettings;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Locks of scheduled jobs in this process's schema ({@code <schema>.shedlock}), so a job runs on
 * one instance at a time and, for its {@code lockAtLeastFor}, not again on another: once per
 * deployment rather than once per instance. Times come from the database, so instances whose
 * clocks differ still agree.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M", proxyTargetClass = true)
class JobLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource, PlatformSettings settings) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(settings.schema() + ".shedlock")
                .usingDbTime()
                .build());
    }
}
