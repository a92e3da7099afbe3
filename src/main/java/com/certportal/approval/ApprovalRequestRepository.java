package com.certportal.approval;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApprovalRequestRepository extends JpaRepository<ApprovalRequest, Long> {

    /** A1: waiting requests first, then the newest; one statement with order and requester. */
    @Query("""
            select r from ApprovalRequest r join fetch r.order o join fetch r.requester
            where r.accountId = :accountId
              and (:requesterId is null or r.requester.id = :requesterId)
              and (:status is null or r.status = :status)
            order by case when r.status = com.certportal.approval.ApprovalRequest.Status.NEEDS_APPROVAL then 0 else 1 end,
                     r.submittedAt desc, r.id desc
            """)
    List<ApprovalRequest> findVisible(Long accountId, Long requesterId, ApprovalRequest.Status status);

    @Query("""
            select r from ApprovalRequest r join fetch r.requester
            where r.order.id = :orderId and r.status = com.certportal.approval.ApprovalRequest.Status.NEEDS_APPROVAL
            order by r.id desc limit 1
            """)
    Optional<ApprovalRequest> findWaitingOn(Long orderId);

    @Query("""
            select r from ApprovalRequest r join fetch r.order o join fetch r.requester left join fetch r.decidedBy
            where r.id = :id and r.accountId = :accountId and (:requesterId is null or r.requester.id = :requesterId)
            """)
    Optional<ApprovalRequest> findVisible(Long id, Long accountId, Long requesterId);
}
