package com.certportal.order;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrderRepository extends JpaRepository<CertificateOrder, Long> {

    Optional<CertificateOrder> findByOrderNumber(String orderNumber);

    List<CertificateOrder> findByAccountIdAndStatus(Long accountId, OrderStatus status);

    long countByAccountId(Long accountId);

    /** K6: the order's row lock, taken before its renewals are counted (two renewals at once: one waits). */
    @Query(value = "select id from certificate_order where id = :id for update", nativeQuery = true)
    Long lockForUpdate(Long id);

    /** K6: numbers of the renewals of an order that are in one of {@code statuses}, oldest first. */
    @Query("select r.orderNumber from CertificateOrder r where r.renewalOf.id = :orderId and r.status in :statuses"
            + " order by r.createdAt, r.id")
    List<String> findActiveRenewalNumbers(Long orderId, Collection<OrderStatus> statuses);

    /** V2, K4: the account's orders that wait for validation: pending ones, and issued ones with a waiting reissue. */
    @Query("""
            select o from CertificateOrder o
            where o.accountId = :accountId
              and (o.status = com.certportal.order.OrderStatus.PENDING or o.waitingReissue is not null)
            """)
    List<CertificateOrder> findAwaitingValidation(Long accountId);

    /** K2: the orders holding a valid certificate whose superseded revocation is due at {@code now}. */
    @Query("""
            select distinct c.order.id from Certificate c
            where c.status = com.certportal.order.Certificate.Status.VALID
              and c.revocationScheduledAt <= :now
            """)
    List<Long> findWithSupersededRevocationDue(java.time.Instant now);
}
