package com.certportal.audit;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * T1: records every state change as part of the transaction that makes it (so a change and its record
 * stand or fall together) and every refusal in a transaction of its own (so the refusal is kept even
 * though the refused change is rolled back).
 */
@Service
public class AuditTrail {

    private final AuditRecordRepository records;
    private final TransactionTemplate ownTransaction;

    AuditTrail(AuditRecordRepository records, PlatformTransactionManager transactions) {
        this.records = records;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    public void on(Audited event) {
        record(event.auditEntry());
    }

    /** Part of the caller's transaction. */
    public void record(AuditEntry entry) {
        records.save(new AuditRecord(entry, actorEmail(entry), AuditRecord.Outcome.DONE));
    }

    /** In a transaction of its own, whatever happens to the caller's. */
    public void recordRefusal(AuditEntry entry) {
        ownTransaction.executeWithoutResult(
                status -> records.save(new AuditRecord(entry, actorEmail(entry), AuditRecord.Outcome.REFUSED)));
    }

    public List<AuditRecord> historyOf(Long orderId) {
        return records.findByOrderIdOrderByOccurredAtAscIdAsc(orderId);
    }

    private String actorEmail(AuditEntry entry) {
        return entry.actorId == null
                ? null
                : records.emailOfMember(entry.actorId).orElse(null);
    }
}
