package com.certportal.approval;

import com.certportal.account.Member;
import com.certportal.account.Role;
import com.certportal.action.ActionRefused;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.Audited;
import com.certportal.order.CertificateOrder;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A1-A4, O4: something a member asked for that waits for an administrator of the account: a new
 * order (O4) or a revocation (R6). It is decided once (approved or rejected), or withdrawn by whoever
 * asked, and what that means for the order is the kind's own business ({@link #onApproved} ...).
 */
@Entity
@Table(name = "approval_request")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public abstract class ApprovalRequest extends AbstractAggregateRoot<ApprovalRequest> {

    public enum Status {
        NEEDS_APPROVAL,
        APPROVED,
        REJECTED,
        WITHDRAWN;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static java.util.Optional<Status> fromKey(String key) {
            return java.util.Arrays.stream(values())
                    .filter(s -> s.key().equals(key))
                    .findFirst();
        }
    }

    /** What is asked for; the discriminator of the table. */
    public enum Kind {
        NEW_ORDER,
        REVOCATION;

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

    /** The requester's words to the approver. */
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

    protected ApprovalRequest() {}

    protected ApprovalRequest(CertificateOrder order, Member requester, String comment, Instant now) {
        this.order = order;
        this.accountId = order.getAccountId();
        this.requester = requester;
        this.comment = comment;
        this.submittedAt = now;
        this.status = Status.NEEDS_APPROVAL;
    }

    public abstract Kind kind();

    /** The trail action under which this kind is submitted, approved, rejected or withdrawn. */
    public abstract AuditAction auditAction(Status status);

    /** What approving this request does to its order, in the same transaction. */
    protected abstract void onApproved(Member by, Instant now);

    /** What rejecting or withdrawing it does (releasing what it reserved, O4). */
    protected abstract void onClosed(Member by, Instant now);

    /** Call once the request has its id: records the submission (T1) when it is saved. */
    protected void submitted(Instant now) {
        registerEvent(new RequestSubmitted(this, now));
    }

    /** A2, O4: approving does what the request asked for. */
    public final void approve(Member by, String decisionComment, Instant now) {
        decide(Status.APPROVED, by, decisionComment, now);
        onApproved(by, now);
        registerEvent(new RequestDecided(this, now));
    }

    /** A2, O4: rejecting leaves things as they were before the request; the requester is mailed. */
    public final void reject(Member by, String decisionComment, Instant now) {
        decide(Status.REJECTED, by, decisionComment, now);
        onClosed(by, now);
        registerEvent(new RequestDecided(this, now));
    }

    /** O4: whoever asked may take a waiting request back. */
    public final void withdraw(Member by, Instant now) {
        if (!by.getId().equals(requester.getId())) {
            throw new ActionRefused(
                    ActionRefused.Kind.FORBIDDEN,
                    "request.refused.not-requester",
                    "member " + by.getId() + " did not submit request " + id,
                    id);
        }
        decide(Status.WITHDRAWN, by, null, now);
        onClosed(by, now);
        registerEvent(new RequestDecided(this, now));
    }

    private void decide(Status outcome, Member by, String decisionComment, Instant now) {
        checkWaiting();
        this.status = outcome;
        this.decidedBy = by;
        this.decidedAt = now;
        this.decisionComment = decisionComment;
    }

    /** A4: a request is decided once. */
    public void checkWaiting() {
        if (status != Status.NEEDS_APPROVAL) {
            throw new ActionRefused(
                    "request.refused.decided",
                    "request " + id + " is already " + status,
                    id,
                    "request-status." + status.key());
        }
    }

    public boolean isWaiting() {
        return status == Status.NEEDS_APPROVAL;
    }

    /** A2, A3: what the request page offers a member: the decision, or the advice to ask an administrator. */
    public boolean decidableBy(Role role) {
        return isWaiting() && role.decidesRequests();
    }

    /** O4: the requester may withdraw it while it waits. */
    public boolean withdrawableBy(long memberId) {
        return isWaiting() && requester.getId() == memberId;
    }

    public boolean isRejected() {
        return status == Status.REJECTED;
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

    protected AuditEntry entry(AuditAction action, Long actorId, Instant at) {
        return AuditEntry.of(action, at)
                .order(accountId, order.getId(), order.getOrderNumber())
                .request(id)
                .actor(actorId);
    }

    /** What the trail records of the request beyond who, what and when (a revocation's reason). */
    protected AuditEntry describe(AuditEntry entry) {
        return entry;
    }

    /** A request was submitted and waits for approval. */
    public record RequestSubmitted(ApprovalRequest request, Instant at) implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return request.describe(
                            request.entry(request.auditAction(Status.NEEDS_APPROVAL), request.requester.getId(), at)
                                    .move(null, Status.NEEDS_APPROVAL))
                    .comment(request.comment);
        }
    }

    /** A request was approved, rejected or withdrawn. */
    public record RequestDecided(ApprovalRequest request, Instant at) implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return request.describe(request.entry(request.auditAction(request.status), request.decidedBy.getId(), at)
                            .move(Status.NEEDS_APPROVAL, request.status))
                    .comment(request.decisionComment);
        }

        public boolean rejected() {
            return request.status == Status.REJECTED;
        }
    }
}
