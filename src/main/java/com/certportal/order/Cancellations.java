package com.certportal.order;

import com.certportal.account.CurrentMember;
import com.certportal.account.MemberRepository;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** C1-C3: cancelling a pending order after the member confirmed it. */
@Service
public class Cancellations {

    private final OrderFinder finder;
    private final OrderRepository orders;
    private final MemberRepository members;
    private final ActionAttempts attempts;
    private final Clock clock;

    Cancellations(
            OrderFinder finder,
            OrderRepository orders,
            MemberRepository members,
            ActionAttempts attempts,
            Clock clock) {
        this.finder = finder;
        this.orders = orders;
        this.members = members;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Refund routing (P) and the OV mail (C4) follow from the OrderCanceled event. */
    public CertificateOrder cancel(String orderNumber, String versionShown, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(AuditAction.ORDER_CANCELED, now)
                .order(by.accountId(), null, orderNumber)
                .actor(by.memberId());
        return attempts.attempt(attempted, "order.refused.concurrent", entry -> {
            CertificateOrder order = finder.forAction(orderNumber, by);
            entry.order(order.getAccountId(), order.getId(), orderNumber).move(order.getStatus(), null);
            OrderPermissions.requireActor(by, orderNumber);
            order.checkVersion(FormInput.version(versionShown));
            order.cancel(members.getReferenceById(by.memberId()), now);
            return orders.save(order);
        });
    }
}
