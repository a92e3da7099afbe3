package com.certportal.revocation;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import com.certportal.approval.ApprovalRequest;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderActions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R1-R7: submitting revocations (deciding them is {@link com.certportal.approval.Approvals}). */
@Service
public class Revocations {

    private final OrderActions orderActions;
    private final RevocationRequestRepository requests;
    private final EntityManager entityManager;
    private final Clock clock;

    Revocations(
            OrderActions orderActions, RevocationRequestRepository requests, EntityManager entityManager, Clock clock) {
        this.orderActions = orderActions;
        this.requests = requests;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The trail action a submission is recorded under: a revocation, or a request for one (R6). */
    public static AuditAction actionOf(boolean skipApproval) {
        return skipApproval ? AuditAction.ORDER_REVOKED : AuditAction.REVOCATION_REQUESTED;
    }

    /**
     * R3: the instant taken here, when the submission arrives, is the one the 30-day rule judges,
     * now or when an administrator approves later.
     */
    public RevocationOutcome submit(SubmitRevocation command, CurrentMember by) {
        Instant submittedAt = clock.instant();
        AuditEntry attempted = OrderActions.attempted(
                        actionOf(command.skipApproval()), command.orderNumber(), by, submittedAt)
                .reason(command.reason().key())
                .comment(command.comment());
        return orderActions.act(command, by, attempted, (order, member, entry) -> {
            String comment = FormInput.optionalText(command.comment(), FormInput.COMMENT_MAX);
            if (command.skipApproval() && !by.role().mayRevokeImmediately()) {
                throw new ActionRefused(
                        ActionRefused.Kind.FORBIDDEN,
                        "revocation.refused.skip-approval",
                        by + " may not skip approval",
                        order.getOrderNumber());
            }
            order.checkRevocable();
            if (requests.existsByOrderIdAndStatus(order.getId(), ApprovalRequest.Status.NEEDS_APPROVAL)) {
                throw new ActionRefused(
                        "revocation.refused.waiting",
                        "order " + order.getOrderNumber() + " has a waiting request",
                        order.getOrderNumber());
            }
            // R7 when two submissions race: both bump the order's version, so only one can commit.
            entityManager.lock(order, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            if (command.skipApproval()) {
                order.revoke(member, command.reason(), comment, submittedAt, submittedAt);
                return new RevocationOutcome(order, null);
            }
            RevocationRequest request =
                    requests.save(RevocationRequest.submit(order, member, command.reason(), comment, submittedAt));
            return new RevocationOutcome(order, request);
        });
    }

    /** The request waiting on this order, if any (R7; shown on the order page as "needs approval"). */
    @Transactional(readOnly = true)
    public Optional<RevocationRequest> waitingFor(CertificateOrder order) {
        return requests.findFirstByOrderIdAndStatus(order.getId(), ApprovalRequest.Status.NEEDS_APPROVAL);
    }

    /** R5: products only support can revoke; the order's status does not change. */
    public CertificateOrder askSupport(AskSupportToRevoke command, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = OrderActions.attempted(
                        AuditAction.SUPPORT_REVOCATION_REQUESTED, command.orderNumber(), by, now)
                .reason(command.reason().key())
                .comment(command.note());
        return orderActions.act(command, by, attempted, (order, member, entry) -> {
            String note = FormInput.requiredText(command.note(), FormInput.NOTE_MAX, "support.note-required");
            order.requestRevocationFromSupport(member, command.reason(), note, now);
            return order;
        });
    }
}
