package com.certportal.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Issue 10, fail fast: a request waits for an unreachable database once. When the pool gave up getting
 * a connection for a request (after its connection timeout), every later attempt in the same request
 * fails at once instead of waiting again: the page's next statement, and the session written when the
 * response ends (which Spring Session tries both when the response commits and when its filter ends).
 * The answer is "temporarily unavailable" either way; only its delay changes. Work outside a request
 * (recurring jobs, start-up) is not affected.
 */
public class OneWaitPerRequest extends DelegatingDataSource {

    private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

    OneWaitPerRequest(DataSource pool) {
        super(pool);
    }

    /** Opens the request's scope; the returned scope is closed when the request ends. */
    public static Scope request() {
        Scope scope = new Scope(SCOPE.get());
        SCOPE.set(scope);
        return scope;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return remembered(() -> super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return remembered(() -> super.getConnection(username, password));
    }

    private static Connection remembered(ConnectionSupplier pool) throws SQLException {
        Scope scope = SCOPE.get();
        if (scope != null && scope.failure != null) {
            throw new SQLTransientConnectionException(
                    "The database was unavailable earlier in this request", "08001", scope.failure);
        }
        try {
            return pool.get();
        } catch (SQLException failure) {
            if (scope != null && DatabaseFailures.isUnavailability(failure)) {
                scope.failure = failure;
            }
            throw failure;
        }
    }

    @FunctionalInterface
    private interface ConnectionSupplier {
        Connection get() throws SQLException;
    }

    /** One request's memory of a failed connection. */
    public static final class Scope implements AutoCloseable {

        private final Scope outer;
        private SQLException failure;

        private Scope(Scope outer) {
            this.outer = outer;
        }

        @Override
        public void close() {
            if (outer == null) {
                SCOPE.remove();
            } else {
                SCOPE.set(outer);
            }
        }
    }
}
