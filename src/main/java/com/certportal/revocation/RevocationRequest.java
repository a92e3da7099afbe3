package com.certportal.revocation;

import com.certportal.account.Member;
import com.certportal.approval.ApprovalRequest;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.order.CertificateOrder;
import com.certportal.order.RefundRoute;
import com.certportal.order.RevocationReason;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * R6, A1-A4: a revocation that waits for an administrator. Approved, the order is revoked, judged on
 * this request's submission instant (R3); rejected or withdrawn, the order stays issued.
 */
@Entity
@DiscriminatorValue("REVOCATION")
public class RevocationRequest extends ApprovalRequest {

    @Enumerated(EnumType.STRING)
    private RevocationReason reason;

    protected RevocationRequest() {}

    private RevocationRequest(
            CertificateOrder order, Member requester, RevocationReason reason, String comment, Instant now) {
        super(order, requester, comment, now);
        this.reason = reason;
    }

    /** R6: the order stays issued until an administrator decides. */
    static RevocationRequest submit(
            CertificateOrder order, Member requester, RevocationReason reason, String comment, Instant now) {
        order.checkRevocable();
        RevocationRequest request = new RevocationRequest(order, requester, reason, comment, now);
        request.submitted(now);
        return request;
    }

    @Override
    public Kind kind() {
        return Kind.REVOCATION;
    }

    @Override
    public AuditAction auditAction(Status status) {
        return switch (status) {
            case NEEDS_APPROVAL -> AuditAction.REVOCATION_REQUESTED;
            case APPROVED -> AuditAction.REVOCATION_APPROVED;
            case REJECTED -> AuditAction.REVOCATION_REJECTED;
            case WITHDRAWN -> AuditAction.REVOCATION_WITHDRAWN;
        };
    }

    /** A2: approval revokes the order under R3 using the instant this request was submitted. */
    @Override
    protected void onApproved(Member by, Instant now) {
        getOrder().revoke(by, reason, getComment(), getSubmittedAt(), now);
    }

    /** A2: rejection (or withdrawal) leaves the order issued. */
    @Override
    protected void onClosed(Member by, Instant now) {}

    @Override
    protected AuditEntry describe(AuditEntry entry) {
        return entry.reason(reason.key());
    }

    /** R3 as approving now would apply it: judged on the submission instant. */
    public boolean approvalWouldBeTreatedAsCancellation() {
        return getOrder().isWithinCancellationWindow(getSubmittedAt());
    }

    /** P: where the money would go back if approved now; none outside the window. */
    public RefundRoute refundRouteIfApproved() {
        return approvalWouldBeTreatedAsCancellation()
                ? RefundRoute.forPayment(getOrder().getPayment())
                : null;
    }

    public RevocationReason getReason() {
        return reason;
    }
}
