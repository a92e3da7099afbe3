package com.certportal.order.web;

import com.certportal.account.CurrentMember;
import com.certportal.audit.AuditTrail;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderAction;
import com.certportal.order.OrderNumbers;
import com.certportal.order.RefundRoute;
import com.certportal.refund.RefundCaseRepository;
import com.certportal.revocation.RevocationRequest;
import com.certportal.revocation.Revocations;
import com.certportal.web.BadRequestException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts what an order's page (or quick view) shows into the model: a fixed number of queries. */
@Component
public class OrderPages {

    private final Revocations revocations;
    private final AuditTrail trail;
    private final RefundCaseRepository refundCases;

    OrderPages(Revocations revocations, AuditTrail trail, RefundCaseRepository refundCases) {
        this.revocations = revocations;
        this.trail = trail;
        this.refundCases = refundCases;
    }

    public static String wellFormed(String orderNumber) {
        if (!OrderNumbers.isWellFormed(orderNumber)) {
            throw new BadRequestException("malformed order number");
        }
        return orderNumber;
    }

    /** The order, its waiting request (R7, "needs approval") and the actions the domain allows now. */
    public void summary(CertificateOrder order, CurrentMember member, Model model, String attribute) {
        RevocationRequest waiting = revocations.waitingFor(order).orElse(null);
        Set<OrderAction> actions = order.actionsFor(member.role(), waiting != null);
        model.addAttribute(attribute, order);
        model.addAttribute("waitingRequest", waiting);
        model.addAttribute("actions", keys(actions.stream()));
        // C1: quick view offers only what may be done from it (never Cancel).
        model.addAttribute("quickViewActions", keys(actions.stream().filter(OrderAction::offeredInQuickView)));
    }

    /** The detail page adds the history (T1) and, for P2, the refund case. */
    public void detail(CertificateOrder order, CurrentMember member, Model model) {
        summary(order, member, model, "order");
        model.addAttribute("history", trail.historyOf(order.getId()));
        if (order.getRefundRoute() == RefundRoute.REFUND_CASE_OPENED) {
            model.addAttribute(
                    "refundCase", refundCases.findByOrderId(order.getId()).orElse(null));
        }
    }

    private static Set<String> keys(Stream<OrderAction> actions) {
        return actions.map(OrderAction::key).collect(Collectors.toSet());
    }
}
