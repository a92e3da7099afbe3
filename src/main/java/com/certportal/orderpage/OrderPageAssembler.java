package com.certportal.orderpage;

import com.certportal.account.CurrentMember;
import com.certportal.approval.ApprovalRequest;
import com.certportal.approval.Approvals;
import com.certportal.audit.AuditTrail;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderFinder;
import com.certportal.order.RefundRoute;
import com.certportal.pki.CertificateDetails;
import com.certportal.refund.RefundCases;
import com.certportal.validation.Validations;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the order page above the features it shows, so that none of them imports another for it:
 * a fixed number of queries whatever the order holds (OrderPagesQueryCountTest), in one read-only
 * transaction (issue 10: one connection from the pool and one snapshot per page, not one per feature).
 */
@Component
@Transactional(readOnly = true)
class OrderPageAssembler {

    private final OrderFinder orders;
    private final Approvals approvals;
    private final Validations validations;
    private final AuditTrail trail;
    private final RefundCases refundCases;
    private final Clock clock;

    OrderPageAssembler(
            OrderFinder orders,
            Approvals approvals,
            Validations validations,
            AuditTrail trail,
            RefundCases refundCases,
            Clock clock) {
        this.orders = orders;
        this.approvals = approvals;
        this.validations = validations;
        this.trail = trail;
        this.refundCases = refundCases;
        this.clock = clock;
    }

    /** Quick view: the order, the request waiting on it and the actions allowed now; 404 if not visible. */
    OrderPage summary(String orderNumber, CurrentMember member) {
        return summary(orders.get(orderNumber, member), member);
    }

    /** The full page of an order; 404 if not visible. */
    OrderPage detail(String orderNumber, CurrentMember member) {
        return detail(orders.get(orderNumber, member), member);
    }

    private OrderPage summary(CertificateOrder order, CurrentMember member) {
        ApprovalRequest waiting = approvals.waitingOn(order).orElse(null);
        boolean revocationWaiting = waiting != null && waiting.kind() == ApprovalRequest.Kind.REVOCATION;
        return new OrderPage(
                order,
                waiting,
                order.actionsFor(member.role(), revocationWaiting),
                null,
                List.of(),
                null,
                Map.of(),
                List.of(),
                false,
                member);
    }

    /** The full page adds validation while the order waits for it (V4), the history (T1) and the refund case (P2). */
    private OrderPage detail(CertificateOrder order, CurrentMember member) {
        OrderPage summary = summary(order, member);
        Instant now = clock.instant();
        return new OrderPage(
                order,
                summary.waitingRequest(),
                summary.actions(),
                order.awaitsValidation() ? validations.awaitedBy(order, now) : null,
                trail.historyOf(order.getId()),
                order.getRefundRoute() == RefundRoute.REFUND_CASE_OPENED
                        ? refundCases.ofOrder(order).orElse(null)
                        : null,
                detailsOf(order),
                lineageOf(order, member, summary.waitingRequest() != null, now),
                member.role().actsOnOrders()
                        && order.waitingReissue()
                                .map(r -> r.cancelableBy(
                                        member.memberId(), member.role().decidesRequests()))
                                .orElse(false),
                member);
    }

    /** K7, K1: every certificate, oldest first, with its status now and whether it is revoked alone. */
    private static List<OrderPage.CertificateLine> lineageOf(
            CertificateOrder order, CurrentMember member, boolean requestWaiting, Instant now) {
        boolean mayRevoke = member.role().actsOnOrders() && !requestWaiting;
        return order.getCertificates().stream()
                .map(c -> new OrderPage.CertificateLine(
                        c, c.lifecycleAt(now), mayRevoke && order.offersCertificateRevocation(c, now)))
                .toList();
    }

    /** D1: each certificate read from its file (no query: the PEM came with the order). */
    private static Map<String, CertificateDetails> detailsOf(CertificateOrder order) {
        Map<String, CertificateDetails> details = new LinkedHashMap<>();
        for (Certificate certificate : order.getCertificates()) {
            if (certificate.getPem() != null) {
                details.put(certificate.getCertificateId(), CertificateDetails.of(certificate.getPem()));
            }
        }
        return details;
    }
}
