package com.certportal.revocation;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionAttempts;
import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import com.certportal.approval.ApprovalRequest;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderActions;
import com.certportal.order.OrderCommand;
import com.certportal.order.OrderFinder;
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
    private final OrderFinder finder;
    private final ActionAttempts attempts;
    private final RevocationRequestRepository requests;
    private final EntityManager entityManager;
    private final Clock clock;

    Revocations(
            OrderActions orderActions,
            OrderFinder finder,
            ActionAttempts attempts,
            RevocationRequestRepository requests,
            EntityManager entityManager,
            Clock clock) {
        this.orderActions = orderActions;
        this.finder = finder;
        this.attempts = attempts;
        this.requests = requests;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The trail action a certificate's revocation is recorded under: done, or requested (R6, K1). */
    public static AuditAction certificateActionOf(boolean skipApproval) {
        return skipApproval ? AuditAction.CERTIFICATE_REVOKED : AuditAction.REVOCATION_REQUESTED;
    }

    /**
     * K1: one certificate is revoked with the same reasons, approval (R6) and trail as an order, while
     * the order keeps another valid certificate; the order stays issued and nothing is refunded (R3
     * does not apply). Another account's certificate is unknown (404), like a missing one.
     */
    public RevocationOutcome submitForCertificate(SubmitCertificateRevocation command, CurrentMember by) {
        Instant submittedAt = clock.instant();
        AuditEntry attempted = AuditEntry.of(certificateActionOf(command.skipApproval()), submittedAt)
                .account(by.accountId())
                .actor(by.memberId())
                .reason(command.reason().key())
                .comment(command.comment())
                .detail(command.certificateId());
        String orderNumber = orderOf(command.certificateId(), by, attempted);
        OrderCommand onOrder = new CertificateOfOrder(orderNumber, command.versionShown());
        attempted.order(by.accountId(), null, orderNumber);
        return orderActions.act(onOrder, by, attempted, (order, member, entry) -> {
            String comment = FormInput.optionalText(command.comment(), FormInput.COMMENT_MAX);
            if (command.skipApproval() && !by.role().mayRevokeImmediately()) {
                throw new ActionRefused(
                        ActionRefused.Kind.FORBIDDEN,
                        "revocation.refused.skip-approval",
                        by + " may not skip approval",
                        order.getOrderNumber());
            }
            order.checkCertificateRevocable(command.certificateId(), submittedAt);
            checkNoneWaiting(order);
            entityManager.lock(order, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            if (command.skipApproval()) {
                order.revokeCertificate(command.certificateId(), member, command.reason(), comment, submittedAt);
                return new RevocationOutcome(order, null);
            }
            RevocationRequest request = requests.save(RevocationRequest.submitForCertificate(
                    order, command.certificateId(), member, command.reason(), comment, submittedAt));
            return new RevocationOutcome(order, request);
        });
    }

    /** K1: the order of a certificate the member can see; recorded and 404 otherwise. */
    public String orderOf(String certificateId, CurrentMember by, AuditEntry attempted) {
        return attempts.attempt(
                attempted,
                "order.refused.concurrent",
                entry -> finder.certificate(certificateId, by).getOrder().getOrderNumber());
    }

    /** The order an action on one of its certificates is about, at the version the member was shown. */
    private record CertificateOfOrder(String orderNumber, long versionShown) implements OrderCommand {}

    /** R7: an order has at most one revocation request waiting (for the order or one certificate). */
    private void checkNoneWaiting(CertificateOrder order) {
        if (requests.existsByOrderIdAndStatus(order.getId(), ApprovalRequest.Status.NEEDS_APPROVAL)) {
            throw new ActionRefused(
                    "revocation.refused.waiting",
                    "order " + order.getOrderNumber() + " has a waiting request",
                    order.getOrderNumber());
        }
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
            checkNoneWaiting(order);
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
