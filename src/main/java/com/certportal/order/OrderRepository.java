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
}
