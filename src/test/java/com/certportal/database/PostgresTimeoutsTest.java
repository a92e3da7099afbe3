package com.certportal.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Issue 10: the PostgreSQL driver's limits on the pool's connections, and what an operator's own settings keep. */
class PostgresTimeoutsTest {

    @Test
    void thePoolsPostgresConnectionsGiveUpWithinSecondsByDefault() {
        HikariDataSource pool = pool("jdbc:postgresql://db.internal:5432/certportal");

        PostgresTimeouts.apply(limits(Map.of()), pool);

        assertThat(pool.getDataSourceProperties())
                .containsEntry("connectTimeout", "3")
                .containsEntry("loginTimeout", "3")
                .containsEntry("socketTimeout", "4")
                .containsEntry("options", "-c statement_timeout=3000");
    }

    @Test
    void theSocketTimeoutIsRoundedUpToWholeSecondsAndZeroSwitchesALimitOff() {
        HikariDataSource pool = pool("jdbc:postgresql://db.internal:5432/certportal");

        PostgresTimeouts.apply(
                limits(Map.of(
                        "certportal.database.socket-timeout", "1500ms",
                        "certportal.database.statement-timeout", "0",
                        "certportal.database.connect-timeout", "10s")),
                pool);

        assertThat(pool.getDataSourceProperties())
                .containsEntry("socketTimeout", "2")
                .containsEntry("options", "-c statement_timeout=0")
                .containsEntry("connectTimeout", "10");
    }

    @Test
    void settingsInTheUrlOrGivenAsDataSourcePropertiesAreKept() {
        HikariDataSource pool = pool("jdbc:postgresql://db.internal:5432/certportal?socketTimeout=60");
        pool.addDataSourceProperty("options", "-c search_path=portal");

        PostgresTimeouts.apply(limits(Map.of()), pool);

        assertThat(pool.getDataSourceProperties())
                .doesNotContainKey("socketTimeout")
                .containsEntry("options", "-c search_path=portal")
                .containsEntry("connectTimeout", "3");
    }

    @Test
    void onlyPostgresUrlsGetThem() {
        assertThat(PostgresTimeouts.appliesTo("jdbc:postgresql://db/certportal"))
                .isTrue();
        assertThat(PostgresTimeouts.appliesTo("jdbc:h2:file:./data/certportal;MODE=PostgreSQL"))
                .isFalse();
        assertThat(PostgresTimeouts.appliesTo(null)).isFalse();
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }

    private static DatabaseProperties limits(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("certportal.database", DatabaseProperties.class);
    }
}
