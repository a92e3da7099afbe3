package com.certportal.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Issue 10: the "db" health of {@code /actuator/health} and of readiness, answered within seconds.
 * Spring Boot's own check asks the connection whether it is valid without a time limit, and logs a stack
 * trace each time it fails (a load balancer asks every few seconds); this one waits at most the pool's
 * connection timeout plus {@link #VALID_WITHIN_SECONDS}, drops a connection that did not answer, and
 * leaves the log to {@link DatabaseAvailability}.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    static final int VALID_WITHIN_SECONDS = 1;

    private final DataSource dataSource;
    private final DatabaseAvailability availability;

    DatabaseHealth(DataSource dataSource, DatabaseAvailability availability) {
        this.dataSource = dataSource;
        this.availability = availability;
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALID_WITHIN_SECONDS)) {
                availability.available();
                return Health.up().build();
            }
            if (DatabaseConfiguration.pool(dataSource) instanceof HikariDataSource pool) {
                pool.evictConnection(connection);
            }
            availability.unavailable(
                    new SQLException("the database did not answer within " + VALID_WITHIN_SECONDS + " s"));
        } catch (SQLException | RuntimeException failure) {
            availability.unavailable(failure);
        }
        return Health.down().build();
    }
}
