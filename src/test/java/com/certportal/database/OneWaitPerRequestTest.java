package com.certportal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** Issue 10, fail fast: within one request, a pool that gave up is not waited for again. */
class OneWaitPerRequestTest {

    private final AtomicInteger asked = new AtomicInteger();
    private volatile boolean reachable;

    private final DataSource pool = new AbstractDataSource() {
        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            if (!reachable) {
                throw new SQLTransientConnectionException("Connection is not available, request timed out");
            }
            return null;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    };

    private final OneWaitPerRequest dataSource = new OneWaitPerRequest(pool);

    @Test
    void afterThePoolGaveUpTheSameRequestIsRefusedAtOnceAndTheNextRequestAsksAgain() throws Exception {
        try (OneWaitPerRequest.Scope request = OneWaitPerRequest.request()) {
            assertThatThrownBy(dataSource::getConnection).hasMessageContaining("request timed out");
            assertThatThrownBy(dataSource::getConnection)
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("earlier in this request");
            assertThat(asked).as("the pool is waited for once").hasValue(1);
        }

        reachable = true;
        try (OneWaitPerRequest.Scope request = OneWaitPerRequest.request()) {
            dataSource.getConnection();
        }
        assertThat(asked).as("a new request asks the pool again").hasValue(2);
    }

    @Test
    void outsideARequestEveryAttemptGoesToThePool() {
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);
        assertThatThrownBy(dataSource::getConnection).hasMessageContaining("request timed out");
        assertThat(asked).as("jobs and start-up keep trying").hasValue(2);
    }

    @Test
    void aFailureThatIsNotTheDatabaseBeingAwayIsNotRemembered() {
        DataSource broken = new OneWaitPerRequest(new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                asked.incrementAndGet();
                throw new SQLException("password authentication failed", "28P01");
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        });
        try (OneWaitPerRequest.Scope request = OneWaitPerRequest.request()) {
            assertThatThrownBy(broken::getConnection).hasMessageContaining("password");
            assertThatThrownBy(broken::getConnection).hasMessageContaining("password");
        }
        assertThat(asked).hasValue(2);
    }
}
