package com.certportal.orderpage;

import com.certportal.account.CurrentMember;
import com.certportal.audit.AuditTrail;
import com.certportal.order.CertificateOrder;
import com.certportal.order.RefundRoute;
import com.certportal.refund.RefundCases;
import com.certportal.revocation.RevocationRequest;
import com.certportal.revocation.Revocations;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Builds the order page above the features it shows, so that none of them imports another for it:
 * a fixed number of queries whatever the order holds (OrderPagesQueryCountTest).
 */
@Component
class OrderPageAssembler {

    private final Revocations revocations;
    private final AuditTrail trail;
    private final RefundCases refundCases;

    OrderPageAssembler(Revocations revocations, AuditTrail trail, RefundCases refundCases) {
        this.revocations = revocations;
        this.trail = trail;
        this.refundCases = refundCases;
    }

    /** Quick view: the order, its waiting request and the actions allowed now. */
    OrderPage summary(CertificateOrder order, CurrentMember member) {
        RevocationRequest waiting = revocations.waitingFor(order).orElse(null);
        return new OrderPage(order, waiting, order.actionsFor(member.role(), waiting != null), List.of(), null);
    }

    /** The full page adds the history (T1) and, for P2, the refund case. */
    OrderPage detail(CertificateOrder order, CurrentMember member) {
        OrderPage summary = summary(order, member);
        return new OrderPage(
                order,
                summary.waitingRequest(),
                summary.actions(),
                trail.historyOf(order.getId()),
                order.getRefundRoute() == RefundRoute.REFUND_CASE_OPENED
                        ? refundCases.ofOrder(order).orElse(null)
                        : null);
    }
}
