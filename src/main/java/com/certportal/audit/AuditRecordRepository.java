package com.certportal.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditRecordRepository extends JpaRepository<AuditRecord, Long> {

    List<AuditRecord> findByOrderIdOrderByOccurredAtAscIdAsc(Long orderId);

    /** Who acted, kept as an email on the record so the history reads without joining members. */
    @Query(value = "select email from member where id = :memberId", nativeQuery = true)
    Optional<String> emailOfMember(Long memberId);

    List<AuditRecord> findByAccountIdAndOutcomeOrderByIdDesc(Long accountId, AuditRecord.Outcome outcome);
}
