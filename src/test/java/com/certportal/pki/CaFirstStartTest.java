package com.certportal.pki;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.cluster.ClusterLock;
import com.certportal.support.PostgresIntegrationTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * I1 with several instances (issue 10): instances that start at the same moment on one empty key store
 * (a shared volume, or one token) make one CA between them, not one each. They take turns through a
 * PostgreSQL advisory lock: the first creates the CA, the others find it whole.
 */
class CaFirstStartTest extends PostgresIntegrationTest {

    private static final int INSTANCES = 3;

    @Autowired
    private DataSource dataSource;

    @Test
    void instancesStartingTogetherOnAnEmptyKeyStoreMakeOneCa_I1() throws Exception {
        Path directory = TestCa.directory("first-start");
        CaProperties properties = TestCa.demo(directory);
        PkiProperties pki = new PkiProperties(TestCa.BASE_URL);
        Clock created = Clock.fixed(TestCa.CREATED, ZoneOffset.UTC);
        ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CertificateAuthority>> starting = IntStream.range(0, INSTANCES)
                    .mapToObj(i -> instances.submit(() -> {
                        start.await();
                        // Each "instance" is given the lock as the application wires it, on its own connection.
                        return new CertificateAuthority(properties, pki, created, new ClusterLock(dataSource));
                    }))
                    .toList();
            start.countDown();
            List<CertificateAuthority> started = starting.stream()
                    .map(future -> {
                        try {
                            CertificateAuthority ca = future.get(120, TimeUnit.SECONDS);
                            // As the application's start does: it waits until the key store is open.
                            ca.awaitKeyStore();
                            return ca;
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .toList();

            CertificateAuthority reopened = TestCa.open(properties, TestCa.CREATED);
            for (CaFamily family : CaFamily.values()) {
                assertThat(started)
                        .as("%s: one root and one issuing CA, the ones the store keeps", family)
                        .allSatisfy(ca -> {
                            assertThat(ca.root(family)).isEqualTo(reopened.root(family));
                            assertThat(ca.issuing(family)).isEqualTo(reopened.issuing(family));
                            assertThat(ca.ocspResponder(family)).isEqualTo(reopened.ocspResponder(family));
                        });
            }
        } finally {
            instances.shutdownNow();
        }
    }
}
