package com.certportal.revocation;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.audit.AuditAction;
import com.certportal.catalog.Product;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.RevocationReason;
import com.certportal.order.SupersededRevocation;
import com.certportal.pki.CaFamily;
import com.certportal.pki.CertificateAuthority;
import com.certportal.scheduling.RecurringJob;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * K2 on PostgreSQL with the MutableClock: a reissue with a new common name, the job at 47:59:59 and at
 * 48:00:00, the original revoked (superseded) in the database, the CRL and OCSP, recorded once; and two
 * runs of the job at the same moment on one database revoke it once.
 */
class SupersededRevocationJobTest extends ActionIntegrationTest {

    @Autowired
    private SupersededRevocationJob job;

    @Autowired
    private CertificateAuthority ca;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private JdbcTemplate jdbc;

    private TestAccount account;
    private String order;
    private Instant reissuedAt;

    @BeforeEach
    void aReissueWithANewCommonName() {
        // After the CA (and its OCSP responder certificate) were made at start: the responder signs then.
        clock.reset();
        clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        account = fixtures.newAccount();
        String cn = "k2-" + account.tag() + ".example.com";
        order = fixtures.issued(account.admin(), Product.TLS_DV, cn, card(), clock.instant());
        reissuedAt = clock.instant().plus(Duration.ofDays(5));
        clock.set(reissuedAt);
        String renamed = "renamed-" + account.tag() + ".example.com";
        fixtures.reissue(order, renamed, List.of(renamed), reissuedAt);
    }

    private Certificate original() {
        return fixtures.withOrder(order, o -> o.getCertificates().get(0));
    }

    @Test
    void k2TheJobsCadenceKeepsThe72HourBound() {
        assertThat(job.every()).isEqualTo(Duration.ofMinutes(1));
        // A run waits at most one pause and one poll; even a run taking an hour stays inside 72 h.
        assertThat(SupersededRevocation.keepsTheBound(
                        job.every().plus(RecurringJob.POLLING_INTERVAL).plus(Duration.ofHours(1))))
                .isTrue();
    }

    @Test
    void k2D2TheOriginalIsRevokedAt48HoursInTheDatabaseTheCrlAndOcspOnce() throws Exception {
        assertThat(original().getRevocationScheduledAt()).isEqualTo(reissuedAt.plus(Duration.ofHours(48)));

        clock.set(reissuedAt.plus(Duration.ofHours(48)).minusSeconds(1));
        job.run();
        assertThat(original().isValid()).as("47:59:59: not yet").isTrue();

        clock.set(reissuedAt.plus(Duration.ofHours(48)));
        job.run();

        Certificate revoked = original();
        assertThat(revoked.getStatus()).isEqualTo(Certificate.Status.REVOKED);
        assertThat(revoked.getRevocationReason()).isEqualTo(RevocationReason.SUPERSEDED);
        assertThat(revoked.getRevokedAt()).isEqualTo(reissuedAt.plus(Duration.ofHours(48)));
        assertThat(fixtures.<Boolean>withOrder(order, CertificateOrder::isIssued))
                .isTrue();
        assertThat(fixtures.<Boolean>withOrder(
                        order, o -> o.getCertificates().get(1).isValid()))
                .isTrue();

        BigInteger serial = new BigInteger(revoked.getSerialNumber(), 16);
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(mvc.get()
                        .uri("/pki/crl/tls.crl")
                        .exchange()
                        .getResponse()
                        .getContentAsByteArray()));
        X509CRLEntry entry = crl.getRevokedCertificate(serial);
        assertThat(entry).as("in the CRL").isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.SUPERSEDED);

        OCSPResp response = new OCSPResp(mvc.post()
                .uri("/pki/ocsp/tls")
                .contentType("application/ocsp-request")
                .content(ocspRequest(serial))
                .exchange()
                .getResponse()
                .getContentAsByteArray());
        assertThat(response.getStatus()).as("OCSP response status").isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        assertThat(basic.getResponses()[0].getCertStatus()).isInstanceOfSatisfying(RevokedStatus.class, status -> {
            assertThat(status.getRevocationReason()).isEqualTo(CRLReason.superseded);
            assertThat(status.getRevocationTime().toInstant()).isEqualTo(reissuedAt.plus(Duration.ofHours(48)));
        });

        clock.advance(Duration.ofMinutes(1));
        job.run();
        assertThat(history(order, AuditAction.CERTIFICATE_REVOKED))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getReason()).isEqualTo("superseded");
                    assertThat(r.getDetail()).isEqualTo(revoked.getCertificateId());
                    assertThat(r.getActorId()).as("the background job").isNull();
                });
    }

    /**
     * Two runs (as two instances would start them) meet on the order: the first holds its row lock,
     * the second waits for it, then finds the certificate revoked and does nothing.
     */
    @Test
    void k2TwoRunsAtTheSameMomentRevokeOnceAndRecordOnce() throws Exception {
        clock.set(reissuedAt.plus(Duration.ofHours(49)));
        Long orderId = state(order).id();
        // Other tests' superseded certificates may be due too: the runs revoke each of them once.
        Integer due = jdbc.queryForObject(
                "select count(*) from certificate where status = 'VALID' and revocation_scheduled_at <= ?",
                Integer.class,
                java.sql.Timestamp.from(clock.instant()));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A third transaction holds the order's row, so both runs are sure to meet at its lock.
        Future<?> holder = threads.submit(() -> transaction.executeWithoutResult(status -> {
            jdbc.queryForList("select id from certificate_order where id = ? for update", orderId);
            locked.countDown();
            try {
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(threads.submit(() -> job.revokeDue()));
        }
        waitUntilBlockedOnALock(2);
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        int revoked = 0;
        for (Future<Integer> run : runs) {
            revoked += run.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(revoked).isEqualTo(due);
        assertThat(original().getRevocationReason()).isEqualTo(RevocationReason.SUPERSEDED);
        assertThat(history(order, AuditAction.CERTIFICATE_REVOKED)).hasSize(1);
    }

    /** Waits (on the database's own word, not on time) until {@code sessions} wait for a row lock. */
    private void waitUntilBlockedOnALock(int sessions) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Integer waiting = jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where datname = current_database()"
                            + " and wait_event_type = 'Lock'",
                    Integer.class);
            if (waiting != null && waiting >= sessions) {
                return;
            }
        }
        throw new AssertionError(sessions + " sessions never waited for the order's lock");
    }

    private byte[] ocspRequest(BigInteger serial) throws Exception {
        CertificateID id = new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(ca.issuing(CaFamily.TLS).getEncoded()),
                serial);
        return new OCSPReqBuilder().addRequest(id).build().getEncoded();
    }
}
