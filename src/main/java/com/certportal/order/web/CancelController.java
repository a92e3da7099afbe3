package com.certportal.order.web;

import com.certportal.account.CurrentMember;
import com.certportal.order.Cancellations;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderAction;
import com.certportal.order.OrderActionRefused;
import com.certportal.order.OrderFinder;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** C1-C3: Certificate actions > Cancel order opens a confirmation page; only its button cancels. */
@Controller
class CancelController {

    private final OrderFinder orders;
    private final OrderPages pages;
    private final Cancellations cancellations;
    private final WebMessages messages;

    CancelController(OrderFinder orders, OrderPages pages, Cancellations cancellations, WebMessages messages) {
        this.orders = orders;
        this.pages = pages;
        this.cancellations = cancellations;
        this.messages = messages;
    }

    @GetMapping("/orders/{orderNumber}/cancel")
    String confirm(
            @PathVariable String orderNumber,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            HttpServletResponse response) {
        CertificateOrder order = orders.get(OrderPages.wellFormed(orderNumber), member);
        show(order, member, model);
        if (!order.actionsFor(member.role(), false).contains(OrderAction.CANCEL)) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return "orders/cancel";
    }

    @PostMapping("/orders/{orderNumber}/cancel")
    String cancel(
            @PathVariable String orderNumber,
            @RequestParam(required = false) String version,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        OrderPages.wellFormed(orderNumber);
        try {
            CertificateOrder canceled = cancellations.cancel(orderNumber, version, member);
            Notices.success(
                    redirect,
                    Arrays.asList(
                            messages.text("cancel.done", orderNumber),
                            canceled.getProduct().sendsCancellationMail() ? messages.text("cancel.mail-sent") : null),
                    messages.outcomeOf(canceled));
            return "redirect:/orders/" + orderNumber;
        } catch (OrderActionRefused refused) {
            messages.showRefusal(refused, model, response);
            show(orders.get(orderNumber, member), member, model);
            return "orders/cancel";
        }
    }

    private void show(CertificateOrder order, CurrentMember member, Model model) {
        pages.summary(order, member, model, "order");
        model.addAttribute("refundRoute", RefundRoute.forPayment(order.getPayment()));
    }
}
