package com.certportal.revocation.web;

import com.certportal.account.CurrentMember;
import com.certportal.order.CertificateOrder;
import com.certportal.order.FormInput;
import com.certportal.order.OrderAction;
import com.certportal.order.OrderActionRefused;
import com.certportal.order.OrderFinder;
import com.certportal.order.RevocationReason;
import com.certportal.order.web.OrderPages;
import com.certportal.revocation.RevocationOutcome;
import com.certportal.revocation.RevocationPreview;
import com.certportal.revocation.RevocationSubmission;
import com.certportal.revocation.Revocations;
import com.certportal.web.Notices;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** R1-R7: the revoke form (from the detail page and from quick view), and R5's request to support. */
@Controller
class RevokeController {

    private final OrderFinder orders;
    private final OrderPages pages;
    private final Revocations revocations;
    private final WebMessages messages;
    private final Clock clock;

    RevokeController(OrderFinder orders, OrderPages pages, Revocations revocations, WebMessages messages, Clock clock) {
        this.orders = orders;
        this.pages = pages;
        this.revocations = revocations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/orders/{orderNumber}/revoke")
    String form(
            @PathVariable String orderNumber,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            HttpServletResponse response) {
        CertificateOrder order = orders.get(OrderPages.wellFormed(orderNumber), member);
        if (order.needsSupportToRevoke()) {
            return "redirect:/orders/" + orderNumber + "/support-revocation";
        }
        showForm(order, member, model, RevocationReason.UNSPECIFIED.key(), null, false);
        if (!actions(model).contains(OrderAction.REVOKE.key())) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return "revocation/revoke";
    }

    @PostMapping("/orders/{orderNumber}/revoke")
    String revoke(
            @PathVariable String orderNumber,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String skipApproval,
            @RequestParam(required = false) String version,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        OrderPages.wellFormed(orderNumber);
        try {
            RevocationOutcome outcome = revocations.submit(
                    orderNumber, new RevocationSubmission(reason, comment, skipApproval, version), member);
            if (outcome.revokedImmediately()) {
                Notices.success(
                        redirect,
                        List.of(messages.text("revoke.done", orderNumber)),
                        messages.outcomeOf(outcome.order()));
                return "redirect:/orders/" + orderNumber;
            }
            Long requestId = outcome.request().getId();
            if (member.role().decidesRevocations()) {
                // The seed's procedure: after submitting, the approval page is the next step.
                Notices.success(redirect, messages.text("revoke.requested.admin", orderNumber));
                return "redirect:/requests/" + requestId;
            }
            Notices.success(redirect, messages.text("revoke.requested.user", orderNumber));
            return "redirect:/orders/" + orderNumber;
        } catch (OrderActionRefused refused) {
            messages.showRefusal(refused, model, response);
            showForm(orders.get(orderNumber, member), member, model, reason, comment, false);
            return "revocation/revoke";
        }
    }

    @GetMapping("/orders/{orderNumber}/support-revocation")
    String supportForm(
            @PathVariable String orderNumber,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            HttpServletResponse response) {
        CertificateOrder order = orders.get(OrderPages.wellFormed(orderNumber), member);
        showSupportForm(order, member, model, RevocationReason.UNSPECIFIED.key(), null);
        if (!actions(model).contains(OrderAction.REQUEST_SUPPORT_REVOCATION.key())) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return "revocation/support";
    }

    @PostMapping("/orders/{orderNumber}/support-revocation")
    String requestFromSupport(
            @PathVariable String orderNumber,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String version,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        OrderPages.wellFormed(orderNumber);
        try {
            revocations.requestFromSupport(orderNumber, reason, note, version, member);
            Notices.success(redirect, messages.text("support.done", orderNumber));
            return "redirect:/orders/" + orderNumber;
        } catch (OrderActionRefused refused) {
            messages.showRefusal(refused, model, response);
            showSupportForm(orders.get(orderNumber, member), member, model, reason, note);
            return "revocation/support";
        }
    }

    private void showForm(
            CertificateOrder order,
            CurrentMember member,
            Model model,
            String reason,
            String comment,
            boolean skipApproval) {
        pages.summary(order, member, model, "order");
        model.addAttribute("reasons", RevocationReason.values());
        model.addAttribute("selectedReason", reason);
        model.addAttribute("comment", comment);
        model.addAttribute("commentMax", FormInput.COMMENT_MAX);
        model.addAttribute("mayRevokeImmediately", member.role().mayRevokeImmediately());
        if (order.getFirstIssuedAt() != null) {
            model.addAttribute("preview", RevocationPreview.of(order, clock.instant()));
        }
    }

    private void showSupportForm(
            CertificateOrder order, CurrentMember member, Model model, String reason, String note) {
        pages.summary(order, member, model, "order");
        model.addAttribute("reasons", RevocationReason.values());
        model.addAttribute("selectedReason", reason);
        model.addAttribute("note", note);
        model.addAttribute("noteMax", FormInput.NOTE_MAX);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> actions(Model model) {
        return (Set<String>) model.getAttribute("actions");
    }
}
