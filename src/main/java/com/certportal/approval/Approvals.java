package com.certportal.approval;

import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.action.ActionAttempts;
import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import com.certportal.action.NotFound;
import com.certportal.approval.ApprovalRequest.Status;
import com.certportal.approval.DecideRequest.Decision;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A1-A4, O4: deciding, withdrawing and reading the requests that wait for an administrator. */
@Service
public class Approvals {

    private final ApprovalRequestRepository requests;
    private final OrderRepository orders;
    private final MemberRepository members;
    private final ActionAttempts attempts;
    private final Clock clock;

    Approvals(
            ApprovalRequestRepository requests,
            OrderRepository orders,
            MemberRepository members,
            ActionAttempts attempts,
            Clock clock) {
        this.requests = requests;
        this.orders = orders;
        this.members = members;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** A2, A4: decided once; two administrators at the same moment: exactly one wins. */
    public ApprovalRequest decide(DecideRequest command, CurrentMember by) {
        Instant now = clock.instant();
        Status outcome = command.decision() == Decision.APPROVE ? Status.APPROVED : Status.REJECTED;
        return act(command.requestId(), by, outcome, command.comment(), (request, member) -> {
            if (!by.role().decidesRequests()) {
                throw new ActionRefused(
                        ActionRefused.Kind.FORBIDDEN,
                        "request.refused.not-administrator",
                        by + " may not decide requests",
                        command.requestId());
            }
            String comment = FormInput.optionalText(command.comment(), FormInput.COMMENT_MAX);
            if (outcome == Status.APPROVED) {
                request.approve(member, comment, now);
            } else {
                request.reject(member, comment, now);
            }
        });
    }

    /** O4: the requester takes its waiting request back; what it reserved is released. */
    public ApprovalRequest withdraw(WithdrawRequest command, CurrentMember by) {
        Instant now = clock.instant();
        return act(command.requestId(), by, Status.WITHDRAWN, null, (request, member) -> request.withdraw(member, now));
    }

    private ApprovalRequest act(
            long requestId,
            CurrentMember by,
            Status outcome,
            String comment,
            BiConsumer<ApprovalRequest, Member> move) {
        // The trail names the kind's own action once the request is found (a revocation or a new order).
        AuditEntry attempted = AuditEntry.of(AuditAction.REVOCATION_APPROVED, clock.instant())
                .account(by.accountId())
                .actor(by.memberId())
                .comment(comment);
        return attempts.attempt(attempted, "request.refused.decided-concurrently", entry -> {
            ApprovalRequest request = visible(requestId, by);
            CertificateOrder order = request.getOrder();
            entry.action(request.auditAction(outcome))
                    .order(order.getAccountId(), order.getId(), order.getOrderNumber())
                    .request(request.getId())
                    .move(request.getStatus(), null);
            move.accept(request, members.getReferenceById(by.memberId()));
            requests.save(request);
            orders.save(order);
            return request;
        });
    }

    @Transactional(readOnly = true)
    public ApprovalRequest get(long requestId, CurrentMember member) {
        return visible(requestId, member);
    }

    /** A1: a user sees its own requests; the other roles see the account's. */
    @Transactional(readOnly = true)
    public List<ApprovalRequest> list(Optional<Status> status, CurrentMember member) {
        return requests.findVisible(member.accountId(), requesterFilter(member), status.orElse(null));
    }

    /** The request waiting on this order, if any: a new order (O4) or a revocation (R7). */
    @Transactional(readOnly = true)
    public Optional<ApprovalRequest> waitingOn(CertificateOrder order) {
        return requests.findWaitingOn(order.getId());
    }

    private ApprovalRequest visible(long requestId, CurrentMember member) {
        return requests.findVisible(requestId, member.accountId(), requesterFilter(member))
                .orElseThrow(() -> new NotFound("request " + requestId));
    }

    private static Long requesterFilter(CurrentMember member) {
        return member.role().seesWholeAccount() ? null : member.memberId();
    }
}
