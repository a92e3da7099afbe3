package com.certportal.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issue 10, fail fast: the pool's PostgreSQL connections get the limits of {@link DatabaseProperties};
 * Flyway does not. And a request waits for an unreachable database only once ({@link OneWaitPerRequest}). Migrations run once, at start-up, and may rightly take minutes on a large table (an
 * index on a million orders), so Flyway opens connections of its own, on the same URL, without them.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    static BeanPostProcessor postgresTimeoutsPostProcessor(ObjectProvider<DatabaseProperties> limits) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // After Spring Boot has bound spring.datasource.hikari.*, before the pool's first connection.
                if (bean instanceof HikariDataSource pool) {
                    if (PostgresTimeouts.appliesTo(pool.getJdbcUrl())) {
                        PostgresTimeouts.apply(limits.getObject(), pool);
                    }
                    return new OneWaitPerRequest(pool);
                }
                return bean;
            }
        };
    }

    @Bean
    FlywayConfigurationCustomizer migrationsWithoutStatementLimits() {
        return flyway -> {
            if (pool(flyway.getDataSource()) instanceof HikariDataSource pool
                    && PostgresTimeouts.appliesTo(pool.getJdbcUrl())) {
                flyway.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            }
        };
    }

    /** The pool behind the application's data source (wrapped by {@link OneWaitPerRequest}). */
    static DataSource pool(DataSource dataSource) {
        try {
            return dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class)
                    : dataSource;
        } catch (SQLException e) {
            return dataSource;
        }
    }
}
