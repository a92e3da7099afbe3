package com.certportal.revocation;

import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderRepository;
import com.certportal.scheduling.RecurringJob;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * K2: revokes (reason superseded) the certificates a reissue superseded, once due (48 h after the
 * reissue), every minute, so none waits past 72 h. Exactly once per certificate, whatever the number
 * of instances: db-scheduler lets one instance at a time run the job (its row is picked with an
 * optimistic update), and each order is revoked under a row lock ({@code select ... for update}) by a
 * guarded move of the order ({@link CertificateOrder#revokeSuperseded}) that leaves a certificate
 * already revoked as it is, so a run repeated or raced revokes nothing twice and records nothing twice.
 */
@Component
public class SupersededRevocationJob implements RecurringJob {

    /** K2: the pause between two runs; with the scheduler's poll, far inside the 24 h between 48 h and 72 h. */
    static final Duration EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(SupersededRevocationJob.class);

    private final OrderRepository orders;
    private final EntityManager entityManager;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SupersededRevocationJob(
            OrderRepository orders, EntityManager entityManager, TransactionTemplate transaction, Clock clock) {
        this.orders = orders;
        this.entityManager = entityManager;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "superseded-revocation";
    }

    @Override
    public Duration every() {
        return EVERY;
    }

    @Override
    public void run() {
        revokeDue();
    }

    /** Revokes every certificate due now, one order per transaction; returns how many it revoked. */
    public int revokeDue() {
        Instant now = clock.instant();
        List<Long> due = transaction.execute(status -> orders.findWithSupersededRevocationDue(now));
        int revoked = 0;
        for (Long orderId : due) {
            try {
                revoked += transaction.execute(status -> revokeDueOn(orderId, now));
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                // The order changed under us (revoked whole, reissued): the next run looks again.
                log.info("Order {} changed while its superseded certificates were revoked; next run", orderId);
            }
        }
        return revoked;
    }

    private int revokeDueOn(Long orderId, Instant now) {
        CertificateOrder order = entityManager.find(CertificateOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        int revoked = 0;
        for (Certificate certificate : order.getCertificates()) {
            if (order.revokeSuperseded(certificate.getCertificateId(), now)) {
                revoked++;
            }
        }
        if (revoked > 0) {
            orders.save(order);
        }
        return revoked;
    }
}
