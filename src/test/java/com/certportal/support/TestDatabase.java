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

    private final String server;
    private final String maintenanceDatabase;
    private final String url;
    private final String username;
    private final String password;

    private TestDatabase(String server, String maintenanceDatabase, String name, String username, String password) {
        this.server = server;
        this.maintenanceDatabase = maintenanceDatabase;
        this.url = server + name;
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

    /**
     * Another fresh database on the same server, dropped when the JVM exits: for tests that start
     * application instances of their own (the two-instance test), away from the shared context's data.
     */
    public TestDatabase another(String purpose) {
        String name = "certportal_test_" + purpose + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        create(server, maintenanceDatabase, name, username, password);
        return new TestDatabase(server, maintenanceDatabase, name, username, password);
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
        String server = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/";
        return new TestDatabase(
                server,
                container.getDatabaseName(),
                container.getDatabaseName(),
                container.getUsername(),
                container.getPassword());
    }

    private static TestDatabase localServer() {
        String host = env("CERTPORTAL_TEST_DB_HOST", "127.0.0.1");
        String port = env("CERTPORTAL_TEST_DB_PORT", "5432");
        String user = env("CERTPORTAL_TEST_DB_USER", "certportal");
        String password = env("CERTPORTAL_TEST_DB_PASSWORD", "certportal");
        String server = "jdbc:postgresql://" + host + ":" + port + "/";
        String name = "certportal_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        create(server, "postgres", name, user, password);
        return new TestDatabase(server, "postgres", name, user, password);
    }

    /** Creates the database now and drops it when the JVM exits. */
    private static void create(String server, String maintenance, String name, String user, String password) {
        execute(server + maintenance, user, password, "create database " + name);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> execute(
                                server + maintenance,
                                user,
                                password,
                                "drop database if exists " + name + " with (force)"),
                        "drop-" + name));
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
