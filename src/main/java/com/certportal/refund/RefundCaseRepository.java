package com.certportal.refund;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RefundCaseRepository extends JpaRepository<RefundCase, Long> {

    @Query("""
            select c from RefundCase c join fetch c.order o join fetch o.requester
            where c.accountId = :accountId
            order by case when c.status = com.certportal.refund.RefundCase.Status.REFUNDED then 1 else 0 end,
                     c.openedAt desc, c.id desc
            """)
    List<RefundCase> findForAccount(Long accountId);

    Optional<RefundCase> findByIdAndAccountId(Long id, Long accountId);

    Optional<RefundCase> findByOrderId(Long orderId);
}
