package com.certportal.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issue 10: work that must be done once however many instances start at the same moment, such as
 * creating the CA at first start (I1: two instances on an empty key store would otherwise make two
 * different CAs, and the second one written would orphan what the first signed) or loading the demo
 * data. One instance does it while the others wait, and then they find it done.
 *
 * <p>On PostgreSQL: a session advisory lock, taken on a connection of its own and released with it,
 * so that PostgreSQL releases it too if the instance holding it dies. On the embedded H2 database,
 * which one process opens: a lock inside this JVM.
 */
@Component
public class ClusterLock {

    private static final Map<String, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final DataSource dataSource;

    @Autowired
    public ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private ClusterLock() {
        this.dataSource = null;
    }

    /** Only within this JVM: for a component made outside the application (a test, a tool). */
    public static ClusterLock inThisJvm() {
        return new ClusterLock();
    }

    /** Runs {@code work} while no other instance runs work under the same name. */
    public <T> T holding(String name, Supplier<T> work) {
        if (dataSource == null) {
            return locallyHolding(name, work);
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return locallyHolding(name, work);
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                advisory(connection, "select pg_advisory_lock(?)", name);
                try {
                    return work.get();
                } finally {
                    advisory(connection, "select pg_advisory_unlock(?)", name);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The cluster lock '" + name + "' cannot be taken: " + e.getMessage(), e);
        }
    }

    private static <T> T locallyHolding(String name, Supplier<T> work) {
        ReentrantLock lock = IN_THIS_JVM.computeIfAbsent(name, n -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static void advisory(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key(name));
            statement.execute();
        }
    }

    /** A stable 64-bit advisory lock key for the name, in a namespace of the portal's own. */
    static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("certportal:" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
