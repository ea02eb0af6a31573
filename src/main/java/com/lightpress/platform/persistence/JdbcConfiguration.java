package com.lightpress.platform.persistence;

import com.lightpress.platform.TypedIdentifiers;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;

/** Spring Data JDBC settings shared by all modules: the converters of typed identifiers. */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration {

    @Bean
    JdbcCustomConversions jdbcCustomConversions(JdbcDialect dialect, List<TypedIdentifiers> identifiers) {
        var converters = identifiers.stream()
                .flatMap(it -> it.types().stream())
                .distinct()
                .flatMap(type -> TypedIdentifierConverters.of(type).stream())
                .toList();
        return JdbcCustomConversions.of(dialect, converters);
    }
}
