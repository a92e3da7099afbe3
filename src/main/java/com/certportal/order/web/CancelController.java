package com.certportal.order.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import com.certportal.audit.AuditAction;
import com.certportal.order.CancelOrder;
import com.certportal.order.Cancellations;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderAction;
import com.certportal.order.OrderActions;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderNumbers;
import com.certportal.order.RefundRoute;
import com.certportal.web.Notices;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** C1-C3: Certificate actions > Cancel order opens a confirmation page; only its button cancels. */
@Controller
class CancelController {

    /** The confirmation form as the browser sends it. */
    record CancelForm(String version) {
        CancelOrder toCommand(String orderNumber) {
            return new CancelOrder(orderNumber, FormInput.version(version));
        }
    }

    private final OrderFinder orders;
    private final OrderActions orderActions;
    private final Cancellations cancellations;
    private final WebMessages messages;

    CancelController(OrderFinder orders, OrderActions orderActions, Cancellations cancellations, WebMessages messages) {
        this.orders = orders;
        this.orderActions = orderActions;
        this.cancellations = cancellations;
        this.messages = messages;
    }

    @GetMapping("/orders/{orderNumber}/cancel")
    String confirm(
            @PathVariable String orderNumber,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            HttpServletResponse response) {
        CertificateOrder order = orders.get(OrderNumbers.wellFormed(orderNumber), member);
        if (!show(order, member, model)) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return "orders/cancel";
    }

    @PostMapping("/orders/{orderNumber}/cancel")
    String cancel(
            @PathVariable String orderNumber,
            CancelForm form,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        OrderNumbers.wellFormed(orderNumber);
        try {
            CancelOrder command = orderActions.parse(
                    AuditAction.ORDER_CANCELED, orderNumber, member, () -> form.toCommand(orderNumber));
            CertificateOrder canceled = cancellations.cancel(command, member);
            Notices.success(
                    redirect,
                    Arrays.asList(
                            messages.text("cancel.done", orderNumber),
                            canceled.getProduct().sendsCancellationMail() ? messages.text("cancel.mail-sent") : null),
                    messages.texts(canceled.outcomeKeys()));
            return "redirect:/orders/" + orderNumber;
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            show(orders.get(orderNumber, member), member, model);
            return "orders/cancel";
        }
    }

    /** C1: whether the page offers the confirmation (a pending order) or says why not. */
    private static boolean show(CertificateOrder order, CurrentMember member, Model model) {
        // A pending order has no revocation request, so none can be waiting.
        boolean offered = order.actionsFor(member.role(), false).contains(OrderAction.CANCEL);
        model.addAttribute("order", order);
        model.addAttribute("offered", offered);
        model.addAttribute("refundRoute", RefundRoute.forPayment(order.getPayment()));
        return offered;
    }
}
