package com.certportal.order;

import com.certportal.account.CurrentMember;
import com.certportal.account.MemberRepository;
import com.certportal.action.ActionAttempts;
import com.certportal.action.ActionRefused;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * O3, P1/P2: a bank transfer is unpaid until the finance manager records that it arrived; from then
 * on a cancellation opens a refund case (P2) instead of voiding the contract (P1).
 */
@Service
public class PaymentRecords {

    private final ActionAttempts attempts;
    private final OrderFinder finder;
    private final OrderRepository orders;
    private final MemberRepository members;
    private final Clock clock;

    PaymentRecords(
            ActionAttempts attempts,
            OrderFinder finder,
            OrderRepository orders,
            MemberRepository members,
            Clock clock) {
        this.attempts = attempts;
        this.finder = finder;
        this.orders = orders;
        this.members = members;
        this.clock = clock;
    }

    public CertificateOrder recordReceived(RecordPayment command, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = OrderActions.attempted(AuditAction.PAYMENT_RECORDED, command.orderNumber(), by, now);
        return attempts.attempt(attempted, "order.refused.concurrent", entry -> {
            CertificateOrder order = finder.forAction(command.orderNumber(), by);
            entry.order(order.getAccountId(), order.getId(), order.getOrderNumber());
            if (!by.role().recordsPayments()) {
                throw new ActionRefused(
                        ActionRefused.Kind.FORBIDDEN,
                        "payment.refused.role",
                        by + " may not record payments",
                        order.getOrderNumber());
            }
            order.recordPaymentReceived(members.getReferenceById(by.memberId()), now);
            order.staleAgainst(command.versionShown()).ifPresent(stale -> {
                throw stale;
            });
            return orders.save(order);
        });
    }
}
