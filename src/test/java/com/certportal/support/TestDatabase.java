package com.certportal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests trust: a Testcontainers PostgreSQL when a Docker engine is available,
 * otherwise a fresh database on the local server (127.0.0.1:5432, role from CERTPORTAL_TEST_DB_USER /
 * CERTPORTAL_TEST_DB_PASSWORD, default certportal/certportal), created once per test JVM and dropped
 * when it exits.
 */
public final class TestDatabase {

    private static final String POSTGRES_IMAGE = "postgres:16.6-alpine";

    private static volatile TestDatabase instance;

    private final String url;
    private final String username;
    private final String password;

    private TestDatabase(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = dockerAvailable() ? container() : localServer();
                }
            }
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private static boolean dockerAvailable() {
        if (System.getenv("CERTPORTAL_TEST_DB_LOCAL") != null) {
            return false;
        }
        boolean anyDockerEndpoint = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker"))
                || System.getProperty("os.name", "").toLowerCase().contains("mac")
                || System.getProperty("os.name", "").toLowerCase().contains("windows");
        if (!anyDockerEndpoint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    private static TestDatabase container() {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
        container.start();
        return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static TestDatabase localServer() {
        String host = env("CERTPORTAL_TEST_DB_HOST", "127.0.0.1");
        String port = env("CERTPORTAL_TEST_DB_PORT", "5432");
        String user = env("CERTPORTAL_TEST_DB_USER", "certportal");
        String password = env("CERTPORTAL_TEST_DB_PASSWORD", "certportal");
        String server = "jdbc:postgresql://" + host + ":" + port + "/";
        String name = "certportal_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(server + "postgres", user, password, "create database " + name);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> execute(
                                server + "postgres",
                                user,
                                password,
                                "drop database if exists " + name + " with (force)"),
                        "drop-" + name));
        return new TestDatabase(server + name, user, password);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL for tests is not reachable at " + url + " as " + user
                            + " (run .ci/run once, or set CERTPORTAL_TEST_DB_*): " + e.getMessage(),
                    e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
