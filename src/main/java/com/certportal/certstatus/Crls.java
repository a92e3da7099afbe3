package com.certportal.certstatus;

import com.certportal.order.Certificate;
import com.certportal.order.OrderEvents.CertificateRevoked;
import com.certportal.order.OrderEvents.OrderRevoked;
import com.certportal.pki.CaFamily;
import com.certportal.pki.CrlIssuer;
import com.certportal.pki.CrlSource;
import com.certportal.scheduling.RecurringJob;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * D2: each issuing CA's full CRL. A revocation marks its family's CRL stale in the revocation's own
 * transaction; the CRL is made again when next asked for or by the job every half minute, whichever
 * comes first (so within a minute of any revocation), and a day before its nextUpdate. Its number
 * comes from one database sequence, so it only grows, across restarts and instances.
 */
@Service
class Crls implements CrlSource, RecurringJob {

    /** D2: at most 7 days between thisUpdate and nextUpdate. */
    static final Duration VALIDITY = CrlIssuer.LONGEST_VALIDITY;

    private final CrlIssuer issuer;
    private final CertificateStatuses statuses;
    private final EntityManager entityManager;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    Crls(
            CrlIssuer issuer,
            CertificateStatuses statuses,
            EntityManager entityManager,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.issuer = issuer;
        this.statuses = statuses;
        this.entityManager = entityManager;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** D2: a revoked certificate's family publishes a new CRL (its order is revoked whole, R1). */
    @EventListener
    void on(OrderRevoked revoked) {
        revoked.order().getCertificates().stream()
                .map(Certificate::getCaFamily)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(this::markStale);
    }

    /** D2, K1, K2: one certificate revoked (alone, or superseded by a reissue): its family's CRL too. */
    @EventListener
    void on(CertificateRevoked revoked) {
        if (revoked.certificate().getCaFamily() != null) {
            markStale(revoked.certificate().getCaFamily());
        }
    }

    /** Part of the revocation's transaction: the CRL and the order page change together. */
    void markStale(String family) {
        entityManager
                .createQuery(
                        "update PublishedCrl c set c.stale = true, c.version = c.version + 1 where c.family = :family")
                .setParameter("family", family)
                .executeUpdate();
    }

    @Override
    public byte[] currentCrl(CaFamily family) {
        Instant now = clock.instant();
        PublishedCrl current = ownTransaction.execute(status -> entityManager.find(PublishedCrl.class, family.key()));
        if (current != null && !current.dueAt(now)) {
            return current.der();
        }
        return publish(family, now);
    }

    @Override
    public String name() {
        return "crl-refresh";
    }

    @Override
    public Duration every() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void run() {
        for (CaFamily family : CaFamily.values()) {
            currentCrl(family);
        }
    }

    /**
     * Makes and keeps the family's CRL. Two instances making it at the same moment both sign a valid
     * CRL with a new, greater number; the one that keeps it is the one whose update wins, and the
     * other answers with the kept one. A number drawn by the loser is never published, so the numbers
     * relying parties see only grow (whoever reads the kept row after the winner drew its number draws
     * a greater one).
     */
    private byte[] publish(CaFamily family, Instant now) {
        try {
            return ownTransaction.execute(status -> {
                PublishedCrl crl = entityManager.find(PublishedCrl.class, family.key());
                if (crl != null && !crl.dueAt(now)) {
                    return crl.der();
                }
                long number = ((Number) entityManager
                                .createNativeQuery("select nextval('crl_number_seq')")
                                .getSingleResult())
                        .longValue();
                byte[] der = issuer.crl(
                        family, BigInteger.valueOf(number), now, now.plus(VALIDITY), statuses.revokedBy(family, now));
                if (crl == null) {
                    crl = new PublishedCrl(family.key());
                    crl.publish(number, now, now.plus(VALIDITY), der);
                    entityManager.persist(crl);
                } else {
                    crl.publish(number, now, now.plus(VALIDITY), der);
                }
                // No flush here: a lost race then fails at commit, where the transaction manager turns
                // it into Spring's exceptions below (a flush would throw JPA's own, a 500: issue 10).
                return der;
            });
        } catch (OptimisticLockingFailureException | org.springframework.dao.DataIntegrityViolationException raced) {
            PublishedCrl kept = ownTransaction.execute(status -> entityManager.find(PublishedCrl.class, family.key()));
            return kept.der();
        }
    }
}
