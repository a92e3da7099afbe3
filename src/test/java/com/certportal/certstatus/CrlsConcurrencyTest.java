package com.certportal.certstatus;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.pki.CaFamily;
import com.certportal.support.PostgresIntegrationTest;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * D2 with several instances (issue 10): when a CRL is due, every instance asked for it at that moment
 * makes one, and only one is kept (an optimistic lock on published_crl). The others answer with the
 * CRL that was kept, never with an error, and the number never goes back.
 */
class CrlsConcurrencyTest extends PostgresIntegrationTest {

    private static final int REQUESTS = 8;

    @Autowired
    private Crls crls;

    @Autowired
    private TransactionTemplate transaction;

    private final ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void requestsMakingADueCrlAtOnceAllAnswerTheOneKeptAndItsNumberOnlyGrows_D2() throws Exception {
        BigInteger previous = number(crls.currentCrl(CaFamily.PRIVATE));
        for (int round = 0; round < 5; round++) {
            transaction.executeWithoutResult(status -> crls.markStale(CaFamily.PRIVATE.key()));

            List<BigInteger> answered = atOnce();

            assertThat(answered).as("round %d", round).containsOnly(answered.get(0));
            assertThat(answered.get(0)).isGreaterThan(previous);
            assertThat(number(crls.currentCrl(CaFamily.PRIVATE))).isEqualTo(answered.get(0));
            previous = answered.get(0);
        }
    }

    private List<BigInteger> atOnce() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<BigInteger>> results = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            results.add(threads.submit(() -> {
                gate.await();
                return number(crls.currentCrl(CaFamily.PRIVATE));
            }));
        }
        gate.countDown();
        List<BigInteger> numbers = new ArrayList<>();
        for (Future<BigInteger> result : results) {
            numbers.add(result.get(60, TimeUnit.SECONDS));
        }
        return numbers;
    }

    private static BigInteger number(byte[] der) throws IOException {
        return ASN1Integer.getInstance(
                        new X509CRLHolder(der).getExtension(Extension.cRLNumber).getParsedValue())
                .getValue();
    }
}
