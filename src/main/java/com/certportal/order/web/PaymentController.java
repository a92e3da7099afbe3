package com.certportal.order.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.order.OrderNumbers;
import com.certportal.order.PaymentRecords;
import com.certportal.order.RecordPayment;
import com.certportal.web.Notices;
import com.certportal.web.WebMessages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** O3: the finance manager records, on the order page, that a bank transfer arrived. */
@Controller
class PaymentController {

    private final PaymentRecords payments;
    private final WebMessages messages;

    PaymentController(PaymentRecords payments, WebMessages messages) {
        this.payments = payments;
        this.messages = messages;
    }

    @PostMapping("/orders/{orderNumber}/payment")
    String recordReceived(
            @PathVariable String orderNumber,
            @RequestParam(required = false) String version,
            @AuthenticationPrincipal CurrentMember member,
            RedirectAttributes redirect) {
        OrderNumbers.wellFormed(orderNumber);
        try {
            // A missing or forged version is a stale page, refused (and recorded) like any other.
            payments.recordReceived(new RecordPayment(orderNumber, versionShown(version)), member);
            Notices.success(redirect, messages.text("payment.recorded", orderNumber));
        } catch (ActionRefused refused) {
            redirect.addFlashAttribute("problem", messages.refusal(refused));
        }
        return "redirect:/orders/" + orderNumber;
    }

    private static long versionShown(String version) {
        try {
            return Long.parseLong(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
