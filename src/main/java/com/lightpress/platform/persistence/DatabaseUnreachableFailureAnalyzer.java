package com.lightpress.platform.persistence;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "cannot connect to PostgreSQL" at start into one clear line instead of a stack trace, so
 * an operator sees at once which setting to fix.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        var state = cause.getSQLState();
        if (state == null || !(state.startsWith("08") || state.startsWith("28") || state.equals("3D000"))) {
            return null;
        }
        return new FailureAnalysis(
                "Cannot use the PostgreSQL database: " + cause.getMessage(),
                "Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD,"
                        + " and that PostgreSQL is running and reachable.",
                cause);
    }
}
