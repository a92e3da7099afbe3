package com.certportal.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditRecordRepository extends JpaRepository<AuditRecord, Long> {

    List<AuditRecord> findByOrderIdOrderByOccurredAtAscIdAsc(Long orderId);

    List<AuditRecord> findByAccountIdAndOutcomeOrderByIdDesc(Long accountId, AuditRecord.Outcome outcome);
}
