package com.certportal.database;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Issue 10: which failures mean "the database cannot be used just now", however they are wrapped. */
class DatabaseFailuresTest {

    private static final SQLTransientConnectionException POOL_TIMED_OUT = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 3000ms", "08001");

    @Test
    void noConnectionFromThePoolIsUnavailabilityHoweverItIsWrapped() {
        assertThat(DatabaseFailures.isUnavailability(POOL_TIMED_OUT)).isTrue();
        assertThat(DatabaseFailures.isUnavailability(new CannotGetJdbcConnectionException("no", POOL_TIMED_OUT)))
                .as("JdbcClient, JdbcTemplate")
                .isTrue();
        assertThat(DatabaseFailures.isUnavailability(new ServletException(new CannotCreateTransactionException(
                        "Could not open JPA EntityManager for transaction",
                        new JDBCConnectionException("Unable to acquire JDBC Connection", POOL_TIMED_OUT)))))
                .as("a @Transactional service, rethrown by the DispatcherServlet")
                .isTrue();
    }

    @Test
    void aConnectionLostInUseOrAServerShuttingDownOrAStatementCancelledIsUnavailability() {
        assertThat(DatabaseFailures.isUnavailability(
                        new SQLException("An I/O error occurred while sending to the backend.", "08006")))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailability(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailability(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailability(
                        new QueryTimeoutException("canceling statement due to statement timeout")))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailability(new CannotAcquireLockException("lock timeout")))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailability(new JpaSystemException(new TransactionException(
                        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))))
                .as("the rollback on a connection the pool closed when it broke")
                .isTrue();
    }

    @Test
    void aBrokenRuleOrABugIsNot() {
        assertThat(DatabaseFailures.isUnavailability(new DataIntegrityViolationException(
                        "duplicate key", new SQLException("duplicate key value", "23505"))))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailability(new SQLException("syntax error", "42601")))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailability(new ServletException(new IllegalStateException("bug"))))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailability(new TransactionException("marked for rollback only")))
                .isFalse();
    }

    @Test
    void itIsDescribedInOneLineFromTheOutsideToTheRootCause() {
        String line = DatabaseFailures.describe(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException(
                        "request timed out", "08001", new java.net.ConnectException("Connection refused"))));

        assertThat(line)
                .isEqualTo("CannotGetJdbcConnectionException: Failed to obtain JDBC Connection"
                        + " (ConnectException: Connection refused)")
                .doesNotContain("\n");
    }
}
