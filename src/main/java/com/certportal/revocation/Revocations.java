package com.certportal.revocation;

import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.action.ActionAttempts;
import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import com.certportal.action.NotFound;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderActions;
import com.certportal.order.OrderRepository;
import com.certportal.revocation.DecideRequest.Decision;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R1-R7 and A1-A4: submitting, deciding and reading revocations. */
@Service
public class Revocations {

    private final OrderActions orderActions;
    private final OrderRepository orders;
    private final RevocationRequestRepository requests;
    private final MemberRepository members;
    private final ActionAttempts attempts;
    private final EntityManager entityManager;
    private final Clock clock;

    Revocations(
            OrderActions orderActions,
            OrderRepository orders,
            RevocationRequestRepository requests,
            MemberRepository members,
            ActionAttempts attempts,
            EntityManager entityManager,
            Clock clock) {
        this.orderActions = orderActions;
        this.orders = orders;
        this.requests = requests;
        this.members = members;
        this.attempts = attempts;
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
            if (requests.existsByOrderIdAndStatus(order.getId(), RevocationRequest.Status.NEEDS_APPROVAL)) {
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

    /** A2, A4: decided once; two administrators at the same moment: exactly one wins. */
    public RevocationRequest decide(DecideRequest command, CurrentMember by) {
        Instant now = clock.instant();
        AuditAction action = command.decision() == Decision.APPROVE
                ? AuditAction.REVOCATION_APPROVED
                : AuditAction.REVOCATION_REJECTED;
        AuditEntry attempted = AuditEntry.of(action, now)
                .account(by.accountId())
                .actor(by.memberId())
                .comment(command.comment());
        return attempts.attempt(attempted, "request.refused.decided-concurrently", entry -> {
            RevocationRequest request = visible(command.requestId(), by);
            CertificateOrder order = request.getOrder();
            entry.order(order.getAccountId(), order.getId(), order.getOrderNumber())
                    .request(request.getId())
                    .move(request.getStatus(), null);
            if (!by.role().decidesRevocations()) {
                throw new ActionRefused(
                        ActionRefused.Kind.FORBIDDEN,
                        "request.refused.not-administrator",
                        by + " may not decide requests",
                        command.requestId());
            }
            String decisionComment = FormInput.optionalText(command.comment(), FormInput.COMMENT_MAX);
            Member member = members.getReferenceById(by.memberId());
            if (command.decision() == Decision.APPROVE) {
                request.approve(member, decisionComment, now);
            } else {
                request.reject(member, decisionComment, now);
            }
            requests.save(request);
            orders.save(order);
            return request;
        });
    }

    @Transactional(readOnly = true)
    public RevocationRequest get(Long requestId, CurrentMember member) {
        return visible(requestId, member);
    }

    /** A1: a user sees its own requests; the other roles see the account's. */
    @Transactional(readOnly = true)
    public List<RevocationRequest> list(Optional<RevocationRequest.Status> status, CurrentMember member) {
        return requests.findVisible(member.accountId(), requesterFilter(member), status.orElse(null));
    }

    /** The request waiting on this order, if any (R7; shown on the order page as "needs approval"). */
    @Transactional(readOnly = true)
    public Optional<RevocationRequest> waitingFor(CertificateOrder order) {
        return requests.findFirstByOrderIdAndStatus(order.getId(), RevocationRequest.Status.NEEDS_APPROVAL);
    }

    private RevocationRequest visible(Long requestId, CurrentMember member) {
        return requests.findVisible(requestId, member.accountId(), requesterFilter(member))
                .orElseThrow(() -> new NotFound("request " + requestId));
    }

    private static Long requesterFilter(CurrentMember member) {
        return member.role().seesWholeAccount() ? null : member.memberId();
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
