package com.certportal.validation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DomainValidationRepository extends JpaRepository<DomainValidation, Long> {

    /** Every validation of the account for these names: what is reusable and what still waits. */
    List<DomainValidation> findByAccountIdAndNameIn(Long accountId, Collection<String> names);

    List<DomainValidation> findByOrderIdOrderByIdAsc(Long orderId);

    @Query("select v from DomainValidation v join fetch v.order where v.token = :token")
    Optional<DomainValidation> findByToken(String token);

    /** V4: pending file and DNS validations, the least recently checked first, for the background job. */
    @Query("""
            select v from DomainValidation v join fetch v.order
            where v.status = com.certportal.validation.DomainValidation.Status.PENDING
              and v.method <> com.certportal.order.DcvMethod.EMAIL
              and v.tokenExpiresAt > :now
              and (v.lastCheckedAt is null or v.lastCheckedAt <= :checkedBefore)
            order by v.lastCheckedAt asc nulls first, v.id asc
            """)
    List<DomainValidation> findDueForCheck(Instant now, Instant checkedBefore, Limit limit);
}
