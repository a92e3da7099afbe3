package com.certportal.orderpage;

import com.certportal.audit.AuditRecord;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderAction;
import com.certportal.refund.RefundCase;
import com.certportal.revocation.RevocationRequest;
import java.util.List;
import java.util.Set;

/**
 * What an order's page (or its quick view) shows, gathered from the features that know each part:
 * the order, its waiting revocation request (R7, "needs approval"), the actions the domain allows
 * now, and on the full page its history (T1) and refund case (P2).
 */
public record OrderPage(
        CertificateOrder order,
        RevocationRequest waitingRequest,
        Set<OrderAction> actions,
        List<AuditRecord> history,
        RefundCase refundCase) {

    public boolean offers(String actionKey) {
        return actions.stream().anyMatch(a -> a.key().equals(actionKey));
    }

    /** C1: quick view offers only what may be done from it (never Cancel). */
    public boolean offersInQuickView(String actionKey) {
        return actions.stream()
                .filter(OrderAction::offeredInQuickView)
                .anyMatch(a -> a.key().equals(actionKey));
    }

    public boolean offersNothing() {
        return actions.isEmpty();
    }
}
