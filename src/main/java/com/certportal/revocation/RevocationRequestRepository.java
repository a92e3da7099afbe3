package com.certportal.revocation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RevocationRequestRepository extends JpaRepository<RevocationRequest, Long> {

    boolean existsByOrderIdAndStatus(Long orderId, RevocationRequest.Status status);

    @Query("""
            select r from RevocationRequest r join fetch r.requester
            where r.order.id = :orderId and r.status = :status
            order by r.id desc limit 1
            """)
    Optional<RevocationRequest> findFirstByOrderIdAndStatus(Long orderId, RevocationRequest.Status status);

    /** A1: waiting requests first, then the newest; one statement with order and requester. */
    @Query("""
            select r from RevocationRequest r join fetch r.order o join fetch r.requester
            where r.accountId = :accountId
              and (:requesterId is null or r.requester.id = :requesterId)
              and (:status is null or r.status = :status)
            order by case when r.status = com.certportal.revocation.RevocationRequest.Status.NEEDS_APPROVAL then 0 else 1 end,
                     r.submittedAt desc, r.id desc
            """)
    List<RevocationRequest> findVisible(Long accountId, Long requesterId, RevocationRequest.Status status);

    @Query("""
            select r from RevocationRequest r join fetch r.order o join fetch r.requester left join fetch r.decidedBy
            where r.id = :id and r.accountId = :accountId and (:requesterId is null or r.requester.id = :requesterId)
            """)
    Optional<RevocationRequest> findVisible(Long id, Long accountId, Long requesterId);
}
