package com.certportal.database;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Properties;

/**
 * Issue 10: the PostgreSQL driver's limits on the pool's connections, so that a database that is gone
 * or cut off is noticed within seconds rather than after the operating system's TCP timeouts (minutes)
 * or never (a statement waiting on a black hole has no end of its own). A setting already given, in the
 * URL or as a data source property, is kept.
 */
final class PostgresTimeouts {

    private PostgresTimeouts() {}

    static boolean appliesTo(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }

    static void apply(DatabaseProperties limits, HikariDataSource pool) {
        Properties given = pool.getDataSourceProperties();
        String url = pool.getJdbcUrl();
        set(pool, given, url, "connectTimeout", seconds(limits.connectTimeout()));
        set(pool, given, url, "loginTimeout", seconds(limits.connectTimeout()));
        set(pool, given, url, "socketTimeout", seconds(limits.socketTimeout()));
        set(
                pool,
                given,
                url,
                "options",
                "-c statement_timeout=" + limits.statementTimeout().toMillis());
    }

    private static void set(HikariDataSource pool, Properties given, String url, String name, String value) {
        if (!given.containsKey(name) && !url.contains(name + "=")) {
            pool.addDataSourceProperty(name, value);
        }
    }

    /** Whole seconds, as the driver takes them, rounded up: half a second must not become "no limit". */
    private static String seconds(Duration limit) {
        long millis = limit.toMillis();
        return String.valueOf(millis <= 0 ? 0 : (millis + 999) / 1000);
    }
}
