package com.certportal.order.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import com.certportal.audit.AuditAction;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderAction;
import com.certportal.order.OrderActions;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderNumbers;
import com.certportal.order.RegisterVoucher;
import com.certportal.order.VoucherRegistration;
import com.certportal.order.VoucherRegistrations;
import com.certportal.web.Notices;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * G (licence count): Certificate actions > Register a voucher code. `POST /orders/{n}/vouchers` with
 * `voucherCode` (and the version shown, which the page sends and a script may leave out).
 */
@Controller
class VoucherController {

    /** The form as the browser (or a script) sends it. */
    record VoucherForm(String voucherCode, String version) {
        RegisterVoucher toCommand(String orderNumber) {
            Long shown = version == null || version.isBlank() ? null : FormInput.version(version);
            return new RegisterVoucher(orderNumber, voucherCode, shown);
        }
    }

    private final OrderFinder orders;
    private final OrderActions orderActions;
    private final VoucherRegistrations registrations;
    private final WebMessages messages;

    VoucherController(
            OrderFinder orders, OrderActions orderActions, VoucherRegistrations registrations, WebMessages messages) {
        this.orders = orders;
        this.orderActions = orderActions;
        this.registrations = registrations;
        this.messages = messages;
    }

    @GetMapping("/orders/{orderNumber}/vouchers")
    String form(
            @PathVariable String orderNumber,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            HttpServletResponse response) {
        CertificateOrder order = orders.get(OrderNumbers.wellFormed(orderNumber), member);
        if (!show(order, member, model, null)) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return "orders/vouchers";
    }

    @PostMapping("/orders/{orderNumber}/vouchers")
    String register(
            @PathVariable String orderNumber,
            VoucherForm form,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        OrderNumbers.wellFormed(orderNumber);
        try {
            RegisterVoucher command = orderActions.parse(
                    AuditAction.VOUCHER_REGISTERED, orderNumber, member, () -> form.toCommand(orderNumber));
            VoucherRegistration registered = registrations.register(command, member);
            Notices.success(
                    redirect,
                    messages.text(
                            "voucher.registered",
                            registered.getVoucher().getCode(),
                            orderNumber,
                            registered.getLicences(),
                            registered.getOrder().getPayment().getLicences()));
            return "redirect:/orders/" + orderNumber;
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            show(orders.get(orderNumber, member), member, model, form.voucherCode());
            return "orders/vouchers";
        }
    }

    /** Whether the page offers the form (a voucher order, pending or issued, a member who acts) or says why not. */
    private static boolean show(CertificateOrder order, CurrentMember member, Model model, String typed) {
        boolean offered = order.actionsFor(member.role(), false).contains(OrderAction.REGISTER_VOUCHER);
        model.addAttribute("order", order);
        model.addAttribute("offered", offered);
        model.addAttribute("readOnly", !member.role().actsOnOrders());
        model.addAttribute("typed", typed);
        return offered;
    }
}
