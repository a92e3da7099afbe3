package com.certportal.refund.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.refund.RefundCase;
import com.certportal.refund.RefundCases;
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

/** P2: refund cases for the finance manager (and administrators). */
@Controller
class RefundCasesController {

    private final RefundCases refundCases;
    private final WebMessages messages;

    RefundCasesController(RefundCases refundCases, WebMessages messages) {
        this.refundCases = refundCases;
        this.messages = messages;
    }

    @GetMapping("/refunds")
    String list(@AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("cases", refundCases.list(member));
        return "refund/cases";
    }

    @PostMapping("/refunds/{id}/contacted")
    String contacted(
            @PathVariable Long id,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            RefundCase refund = refundCases.markContacted(id, member);
            Notices.success(
                    redirect,
                    messages.text(
                            "refund.case.contacted-done", refund.getOrder().getOrderNumber()));
            return "redirect:/refunds";
        } catch (ActionRefused refused) {
            return refused(member, model, response, refused);
        }
    }

    @PostMapping("/refunds/{id}/refunded")
    String refunded(
            @PathVariable Long id,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            RefundCase refund = refundCases.markRefunded(id, member);
            Notices.success(
                    redirect,
                    messages.text("refund.case.refunded-done", refund.getOrder().getOrderNumber()));
            return "redirect:/refunds";
        } catch (ActionRefused refused) {
            return refused(member, model, response, refused);
        }
    }

    private String refused(CurrentMember member, Model model, HttpServletResponse response, ActionRefused refused) {
        messages.showRefusal(refused, model, response);
        model.addAttribute("cases", refundCases.list(member));
        return "refund/cases";
    }
}
