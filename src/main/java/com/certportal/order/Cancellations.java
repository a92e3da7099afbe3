package com.certportal.order;

import com.certportal.account.CurrentMember;
import com.certportal.audit.AuditAction;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** C1-C3: cancelling a pending order after the member confirmed it. */
@Service
public class Cancellations {

    private final OrderActions actions;
    private final Clock clock;

    Cancellations(OrderActions actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    /** Refund routing (P) and the OV mail (C4) follow from the OrderCanceled event. */
    public CertificateOrder cancel(CancelOrder command, CurrentMember by) {
        Instant now = clock.instant();
        return actions.act(
                command,
                by,
                OrderActions.attempted(AuditAction.ORDER_CANCELED, command.orderNumber(), by, now),
                (order, member, entry) -> {
                    order.cancel(member, now);
                    return order;
                });
    }
}
