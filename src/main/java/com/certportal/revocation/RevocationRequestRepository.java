package com.certportal.revocation;

import com.certportal.approval.ApprovalRequest;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RevocationRequestRepository extends JpaRepository<RevocationRequest, Long> {

    boolean existsByOrderIdAndStatus(Long orderId, ApprovalRequest.Status status);

    @Query("""
            select r from RevocationRequest r join fetch r.requester
            where r.order.id = :orderId and r.status = :status
            order by r.id desc limit 1
            """)
    Optional<RevocationRequest> findFirstByOrderIdAndStatus(Long orderId, ApprovalRequest.Status status);
}
