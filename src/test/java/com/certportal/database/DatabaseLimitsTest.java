package com.certportal.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.support.PostgresIntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10: the limits reach PostgreSQL. The pool's connections run under the statement timeout and
 * give up on a silent socket; Flyway's migrations run without either, since an index on a large table
 * may rightly take minutes.
 */
class DatabaseLimitsTest extends PostgresIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private Flyway flyway;

    @Test
    void thePoolsConnectionsRunUnderTheStatementTimeoutAndASocketTimeout() throws Exception {
        assertThat(jdbc.sql("show statement_timeout").query(String.class).single())
                .isEqualTo("3s");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(4000);
        }
        assertThat(dataSource).isInstanceOf(OneWaitPerRequest.class);
        assertThat(dataSource.unwrap(HikariDataSource.class).getConnectionTimeout())
                .isEqualTo(3000);
    }

    @Test
    void migrationsRunOnConnectionsOfTheirOwnWithoutTheLimits() throws Exception {
        DataSource migrations = flyway.getConfiguration().getDataSource();

        assertThat(migrations).isNotSameAs(dataSource);
        try (Connection connection = migrations.getConnection();
                Statement statement = connection.createStatement();
                ResultSet timeout = statement.executeQuery("show statement_timeout")) {
            assertThat(timeout.next()).isTrue();
            assertThat(timeout.getString(1)).isEqualTo("0");
            assertThat(connection.getNetworkTimeout()).isZero();
        }
    }
}
