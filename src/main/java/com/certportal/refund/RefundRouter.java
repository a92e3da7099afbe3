package com.certportal.refund;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.AuditTrail;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderEvents.OrderCanceled;
import com.certportal.order.OrderEvents.OrderRevoked;
import com.certportal.order.Payment;
import com.certportal.order.RefundRoute;
import com.certportal.voucher.Voucher;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * P1-P7: runs for a cancellation (C3) and for a revocation inside the 30-day window (R3), in the
 * same transaction as the change, so that an order is never cancelled without its money going back.
 * Controllers never call this; it reacts to the order's events.
 */
@Component
class RefundRouter {

    private final RefundCaseRepository refundCases;
    private final AuditTrail trail;

    RefundRouter(RefundCaseRepository refundCases, AuditTrail trail) {
        this.refundCases = refundCases;
        this.trail = trail;
    }

    @EventListener
    void on(OrderCanceled canceled) {
        route(canceled.order(), canceled.actorId(), canceled.at());
    }

    @EventListener
    void on(OrderRevoked revoked) {
        if (revoked.treatedAsCancellation()) {
            route(revoked.order(), revoked.actorId(), revoked.at());
        }
    }

    private void route(CertificateOrder order, Long actorId, Instant now) {
        Payment payment = order.getPayment();
        RefundRoute route = RefundRoute.forPayment(payment);
        switch (route) {
            // P4: every voucher the order used goes back, those registered later for licences (G) too.
            case VOUCHER_RETURNED -> order.vouchersSpent().forEach(Voucher::release);
            case LICENCES_RETURNED -> payment.getEnterpriseUnit().giveBack(payment.getLicences());
            case REFUND_CASE_OPENED -> refundCases.save(RefundCase.open(order, now));
            case CONTRACT_VOIDED, CARD_COMPANY -> {
                // P1, P3: nothing moves here; the outcome recorded on the order tells the customer.
            }
        }
        if (payment.hasHardwareToken()) {
            payment.getHardwareToken().keepForReuse(); // P6: never refunded, kept by the account
        }
        order.recordRefund(route, now);
        trail.record(AuditEntry.of(AuditAction.REFUND_ROUTED, now)
                .order(order.getAccountId(), order.getId(), order.getOrderNumber())
                .actor(actorId)
                .detail(route.key() + (payment.hasHardwareToken() ? ".token_kept" : "")));
    }
}
