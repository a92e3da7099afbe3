package com.certportal.revocation;

import com.certportal.account.Member;
import com.certportal.account.Role;
import com.certportal.action.ActionRefused;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.Audited;
import com.certportal.order.CertificateOrder;
import com.certportal.order.RefundRoute;
import com.certportal.order.RevocationReason;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * R6, A1-A4: a revocation that waits for an administrator. It is decided once: approved (the order is
 * revoked, judged on this request's submission instant, R3) or rejected (the order stays issued).
 */
@Entity
@Table(name = "revocation_request")
public class RevocationRequest extends AbstractAggregateRoot<RevocationRequest> {

    public enum Status {
        NEEDS_APPROVAL,
        APPROVED,
        REJECTED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private CertificateOrder order;

    private Long accountId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Member requester;

    @Enumerated(EnumType.STRING)
    private RevocationReason reason;

    private String comment;

    private Instant submittedAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    @ManyToOne(fetch = FetchType.LAZY)
    private Member decidedBy;

    private Instant decidedAt;

    private String decisionComment;

    @Version
    private long version;

    protected RevocationRequest() {}

    private RevocationRequest(
            CertificateOrder order, Member requester, RevocationReason reason, String comment, Instant now) {
        this.order = order;
        this.accountId = order.getAccountId();
        this.requester = requester;
        this.reason = reason;
        this.comment = comment;
        this.submittedAt = now;
        this.status = Status.NEEDS_APPROVAL;
    }

    /** R6: the order stays issued until an administrator decides. */
    static RevocationRequest submit(
            CertificateOrder order, Member requester, RevocationReason reason, String comment, Instant now) {
        order.checkRevocable();
        RevocationRequest request = new RevocationRequest(order, requester, reason, comment, now);
        request.registerEvent(new RevocationRequested(request, now));
        return request;
    }

    /** A2: approval revokes the order under R3 using the instant this request was submitted. */
    void approve(Member by, String decisionComment, Instant now) {
        decide(Status.APPROVED, by, decisionComment, now);
        order.revoke(by, reason, comment, submittedAt, now);
        registerEvent(new RevocationDecided(this, AuditAction.REVOCATION_APPROVED, now));
    }

    /** A2: rejection leaves the order issued; the requester is told by mail. */
    void reject(Member by, String decisionComment, Instant now) {
        decide(Status.REJECTED, by, decisionComment, now);
        registerEvent(new RevocationDecided(this, AuditAction.REVOCATION_REJECTED, now));
    }

    private void decide(Status outcome, Member by, String decisionComment, Instant now) {
        if (status != Status.NEEDS_APPROVAL) {
            throw new ActionRefused(
                    "request.refused.decided",
                    "request " + id + " is already " + status,
                    id,
                    "request-status." + status.key());
        }
        this.status = outcome;
        this.decidedBy = by;
        this.decidedAt = now;
        this.decisionComment = decisionComment;
    }

    public boolean isWaiting() {
        return status == Status.NEEDS_APPROVAL;
    }

    /** A2, A3: what the request page offers a member: the decision, or the advice to ask an administrator. */
    public boolean decidableBy(Role role) {
        return isWaiting() && role.decidesRevocations();
    }

    /** R3 as approving now would apply it: judged on the submission instant. */
    public boolean approvalWouldBeTreatedAsCancellation() {
        return order.isWithinCancellationWindow(submittedAt);
    }

    /** P: where the money would go back if approved now; none outside the window. */
    public RefundRoute refundRouteIfApproved() {
        return approvalWouldBeTreatedAsCancellation() ? RefundRoute.forPayment(order.getPayment()) : null;
    }

    public Long getId() {
        return id;
    }

    public CertificateOrder getOrder() {
        return order;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Member getRequester() {
        return requester;
    }

    public RevocationReason getReason() {
        return reason;
    }

    public String getComment() {
        return comment;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Status getStatus() {
        return status;
    }

    public Member getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionComment() {
        return decisionComment;
    }

    public long getVersion() {
        return version;
    }

    private AuditEntry entry(AuditAction action, Long actorId, Instant at) {
        return AuditEntry.of(action, at)
                .order(accountId, order.getId(), order.getOrderNumber())
                .request(id)
                .actor(actorId)
                .reason(reason.key());
    }

    /** A revocation request was submitted and waits for approval. */
    public record RevocationRequested(RevocationRequest request, Instant at) implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return request.entry(AuditAction.REVOCATION_REQUESTED, request.requester.getId(), at)
                    .move(null, Status.NEEDS_APPROVAL)
                    .comment(request.comment);
        }
    }

    /** A request was approved or rejected. */
    public record RevocationDecided(RevocationRequest request, AuditAction action, Instant at) implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return request.entry(action, request.decidedBy.getId(), at)
                    .move(Status.NEEDS_APPROVAL, request.status)
                    .comment(request.decisionComment);
        }

        public boolean rejected() {
            return action == AuditAction.REVOCATION_REJECTED;
        }
    }
}
