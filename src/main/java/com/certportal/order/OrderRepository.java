package com.certportal.order;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderRepository extends JpaRepository<CertificateOrder, Long> {

    Optional<CertificateOrder> findByOrderNumber(String orderNumber);

    List<CertificateOrder> findByAccountIdAndStatus(Long accountId, OrderStatus status);
}
