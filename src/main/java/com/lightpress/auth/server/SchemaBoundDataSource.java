package com.lightpress.auth.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections of the shared pool whose search path is the auth schema while they are
 * borrowed, because Spring Authorization Server's JDBC services name their tables without a
 * schema. The previous search path is restored before a connection goes back to the pool.
 */
final class SchemaBoundDataSource extends DelegatingDataSource {

    private final String schema;

    SchemaBoundDataSource(DataSource target, String schema) {
        super(target);
        this.schema = schema;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bind(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bind(super.getConnection(username, password));
    }

    private Connection bind(Connection connection) throws SQLException {
        var previous = connection.getSchema();
        connection.setSchema(schema);
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        connection.setSchema(previous);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
