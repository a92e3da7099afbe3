package com.certportal.revocation;

import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.order.ActionAttempts;
import com.certportal.order.CertificateOrder;
import com.certportal.order.FormInput;
import com.certportal.order.OrderActionRefused;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderPermissions;
import com.certportal.order.OrderRepository;
import com.certportal.order.RevocationReason;
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

    private final OrderFinder finder;
    private final OrderRepository orders;
    private final RevocationRequestRepository requests;
    private final MemberRepository members;
    private final ActionAttempts attempts;
    private final EntityManager entityManager;
    private final Clock clock;

    Revocations(
            OrderFinder finder,
            OrderRepository orders,
            RevocationRequestRepository requests,
            MemberRepository members,
            ActionAttempts attempts,
            EntityManager entityManager,
            Clock clock) {
        this.finder = finder;
        this.orders = orders;
        this.requests = requests;
        this.members = members;
        this.attempts = attempts;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * R3: the instant taken here, when the submission arrives, is the one the 30-day rule judges,
     * now or when an administrator approves later.
     */
    public RevocationOutcome submit(String orderNumber, RevocationSubmission submission, CurrentMember by) {
        Instant submittedAt = clock.instant();
        AuditEntry attempted = AuditEntry.of(
                        submission.asksToSkipApproval() ? AuditAction.ORDER_REVOKED : AuditAction.REVOCATION_REQUESTED,
                        submittedAt)
                .order(by.accountId(), null, orderNumber)
                .actor(by.memberId())
                .reason(submission.reason())
                .comment(submission.comment());
        return attempts.attempt(attempted, "order.refused.concurrent", entry -> {
            CertificateOrder order = finder.forAction(orderNumber, by);
            entry.order(order.getAccountId(), order.getId(), orderNumber).move(order.getStatus(), null);
            OrderPermissions.requireActor(by, orderNumber);
            RevocationSubmission.Checked form = submission.checked();
            if (form.skipApproval() && !by.role().mayRevokeImmediately()) {
                throw new OrderActionRefused(
                        OrderActionRefused.Kind.FORBIDDEN,
                        "revocation.refused.skip-approval",
                        by + " may not skip approval",
                        orderNumber);
            }
            order.checkRevocable();
            if (requests.existsByOrderIdAndStatus(order.getId(), RevocationRequest.Status.NEEDS_APPROVAL)) {
                throw new OrderActionRefused(
                        "revocation.refused.waiting", "order " + orderNumber + " has a waiting request", orderNumber);
            }
            order.checkVersion(form.versionShown());
            // R7 when two submissions race: both bump the order's version, so only one can commit.
            entityManager.lock(order, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            Member member = members.getReferenceById(by.memberId());
            if (form.skipApproval()) {
                order.revoke(member, form.reason(), form.comment(), submittedAt, submittedAt);
                return new RevocationOutcome(orders.save(order), null);
            }
            RevocationRequest request =
                    requests.save(RevocationRequest.submit(order, member, form.reason(), form.comment(), submittedAt));
            return new RevocationOutcome(order, request);
        });
    }

    /** A2, A4: decided once; two administrators at the same moment: exactly one wins. */
    public RevocationRequest approve(Long requestId, String comment, CurrentMember by) {
        return decide(requestId, comment, by, AuditAction.REVOCATION_APPROVED);
    }

    public RevocationRequest reject(Long requestId, String comment, CurrentMember by) {
        return decide(requestId, comment, by, AuditAction.REVOCATION_REJECTED);
    }

    private RevocationRequest decide(Long requestId, String comment, CurrentMember by, AuditAction action) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(action, now)
                .account(by.accountId())
                .actor(by.memberId())
                .comment(comment);
        return attempts.attempt(attempted, "request.refused.decided-concurrently", entry -> {
            RevocationRequest request = visible(requestId, by);
            CertificateOrder order = request.getOrder();
            entry.order(order.getAccountId(), order.getId(), order.getOrderNumber())
                    .request(request.getId())
                    .move(request.getStatus(), null);
            if (!by.role().decidesRevocations()) {
                throw new OrderActionRefused(
                        OrderActionRefused.Kind.FORBIDDEN,
                        "request.refused.not-administrator",
                        by + " may not decide requests",
                        requestId);
            }
            String decisionComment = FormInput.optionalText(comment, FormInput.COMMENT_MAX);
            Member member = members.getReferenceById(by.memberId());
            if (action == AuditAction.REVOCATION_APPROVED) {
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
                .orElseThrow(() -> new RequestNotFoundException(requestId));
    }

    private static Long requesterFilter(CurrentMember member) {
        return member.role().seesWholeAccount() ? null : member.memberId();
    }

    /** R5: products only support can revoke; the order's status does not change. */
    public CertificateOrder requestFromSupport(
            String orderNumber, String reasonSent, String noteSent, String versionShown, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(AuditAction.SUPPORT_REVOCATION_REQUESTED, now)
                .order(by.accountId(), null, orderNumber)
                .actor(by.memberId())
                .reason(reasonSent)
                .comment(noteSent);
        return attempts.attempt(attempted, "order.refused.concurrent", entry -> {
            CertificateOrder order = finder.forAction(orderNumber, by);
            entry.order(order.getAccountId(), order.getId(), orderNumber).move(order.getStatus(), null);
            OrderPermissions.requireActor(by, orderNumber);
            RevocationReason reason = FormInput.reason(reasonSent);
            String note = FormInput.requiredText(noteSent, FormInput.NOTE_MAX, "support.note-required");
            order.checkVersion(FormInput.version(versionShown));
            order.requestRevocationFromSupport(members.getReferenceById(by.memberId()), reason, note, now);
            return orders.save(order);
        });
    }
}
