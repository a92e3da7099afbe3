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

    /** K1: the one certificate of the order to revoke (its certificate id); none: the whole order (R1). */
    private String certificateId;

    protected RevocationRequest() {}

    private RevocationRequest(
            CertificateOrder order,
            Member requester,
            RevocationReason reason,
            String comment,
            String certificateId,
            Instant now) {
        super(order, requester, comment, now);
        this.reason = reason;
        this.certificateId = certificateId;
    }

    /** R6: the order stays issued until an administrator decides. */
    static RevocationRequest submit(
            CertificateOrder order, Member requester, RevocationReason reason, String comment, Instant now) {
        order.checkRevocable();
        RevocationRequest request = new RevocationRequest(order, requester, reason, comment, null, now);
        request.submitted(now);
        return request;
    }

    /** K1, R6: one certificate; the order stays issued whatever is decided. */
    static RevocationRequest submitForCertificate(
            CertificateOrder order,
            String certificateId,
            Member requester,
            RevocationReason reason,
            String comment,
            Instant now) {
        order.checkCertificateRevocable(certificateId, now);
        RevocationRequest request = new RevocationRequest(order, requester, reason, comment, certificateId, now);
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

    /**
     * A2: approval revokes the order under R3 using the instant this request was submitted; K1: or the
     * one certificate, if the order still keeps another valid one then (nothing refunded).
     */
    @Override
    protected void onApproved(Member by, Instant now) {
        if (certificateId != null) {
            getOrder().revokeCertificate(certificateId, by, reason, getComment(), now);
        } else {
            getOrder().revoke(by, reason, getComment(), getSubmittedAt(), now);
        }
    }

    /** A2: rejection (or withdrawal) leaves the order issued. */
    @Override
    protected void onClosed(Member by, Instant now) {}

    @Override
    protected AuditEntry describe(AuditEntry entry) {
        return certificateId == null
                ? entry.reason(reason.key())
                : entry.reason(reason.key()).detail(certificateId);
    }

    /** R3 as approving now would apply it: judged on the submission instant; K1: never for one certificate. */
    public boolean approvalWouldBeTreatedAsCancellation() {
        return certificateId == null && getOrder().isWithinCancellationWindow(getSubmittedAt());
    }

    /** K1: the one certificate this request revokes, or null for the whole order. */
    public String getCertificateId() {
        return certificateId;
    }

    /** K1: whether it revokes one certificate only (the order stays issued). */
    public boolean isForOneCertificate() {
        return certificateId != null;
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
