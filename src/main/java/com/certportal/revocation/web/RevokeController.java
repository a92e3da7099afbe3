package com.certportal.revocation.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import com.certportal.audit.AuditAction;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderAction;
import com.certportal.order.OrderActions;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderNumbers;
import com.certportal.order.RevocationReason;
import com.certportal.revocation.AskSupportToRevoke;
import com.certportal.revocation.RevocationOutcome;
import com.certportal.revocation.RevocationPreview;
import com.certportal.revocation.RevocationRequest;
import com.certportal.revocation.Revocations;
import com.certportal.revocation.SubmitRevocation;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** R1-R7: the revoke form (from the detail page and from quick view), and R5's request to support. */
@Controller
class RevokeController {

    /** The revoke form as the browser sends it. */
    record RevokeForm(String reason, String comment, String skipApproval, String version) {

        SubmitRevocation toCommand(String orderNumber) {
            return new SubmitRevocation(
                    orderNumber,
                    RevocationReason.parse(reason),
                    comment,
                    FormInput.flag(skipApproval),
                    FormInput.version(version));
        }

        /** What the trail records as attempted, even when the form is refused as malformed. */
        AuditAction attempted() {
            return Revocations.actionOf(FormInput.saysTrue(skipApproval));
        }
    }

    /** The request to support as the browser sends it. */
    record SupportForm(String reason, String note, String version) {

        AskSupportToRevoke toCommand(String orderNumber) {
            return new AskSupportToRevoke(
                    orderNumber, RevocationReason.parse(reason), note, FormInput.version(version));
        }
    }

    private final OrderFinder orders;
    private final OrderActions orderActions;
    private final Revocations revocations;
    private final WebMessages messages;
    private final Clock clock;

    RevokeController(
            OrderFinder orders, OrderActions orderActions, Revocations revocations, WebMessages messages, Clock clock) {
        this.orders = orders;
        this.orderActions = orderActions;
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
        CertificateOrder order = orders.get(OrderNumbers.wellFormed(orderNumber), member);
        if (order.needsSupportToRevoke()) {
            return "redirect:/orders/" + orderNumber + "/support-revocation";
        }
        // R2: no reason is preselected; a default invites the wrong one.
        if (!showForm(order, member, model, null, null)) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return "revocation/revoke";
    }

    @PostMapping("/orders/{orderNumber}/revoke")
    String revoke(
            @PathVariable String orderNumber,
            RevokeForm form,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        OrderNumbers.wellFormed(orderNumber);
        try {
            SubmitRevocation command =
                    orderActions.parse(form.attempted(), orderNumber, member, () -> form.toCommand(orderNumber));
            RevocationOutcome outcome = revocations.submit(command, member);
            if (outcome.revokedImmediately()) {
                Notices.success(
                        redirect,
                        List.of(messages.text("revoke.done", orderNumber)),
                        messages.texts(outcome.order().outcomeKeys()));
                return "redirect:/orders/" + orderNumber;
            }
            Long requestId = outcome.request().getId();
            if (member.role().decidesRequests()) {
                // The seed's procedure: after submitting, the approval page is the next step.
                Notices.success(redirect, messages.text("revoke.requested.admin", orderNumber));
                return "redirect:/requests/" + requestId;
            }
            Notices.success(redirect, messages.text("revoke.requested.user", orderNumber));
            return "redirect:/orders/" + orderNumber;
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            showForm(orders.get(orderNumber, member), member, model, form.reason(), form.comment());
            return "revocation/revoke";
        }
    }

    @GetMapping("/orders/{orderNumber}/support-revocation")
    String supportForm(
            @PathVariable String orderNumber,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            HttpServletResponse response) {
        CertificateOrder order = orders.get(OrderNumbers.wellFormed(orderNumber), member);
        if (!showSupportForm(order, member, model, null, null)) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return "revocation/support";
    }

    @PostMapping("/orders/{orderNumber}/support-revocation")
    String requestFromSupport(
            @PathVariable String orderNumber,
            SupportForm form,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        OrderNumbers.wellFormed(orderNumber);
        try {
            AskSupportToRevoke command = orderActions.parse(
                    AuditAction.SUPPORT_REVOCATION_REQUESTED, orderNumber, member, () -> form.toCommand(orderNumber));
            revocations.askSupport(command, member);
            Notices.success(redirect, messages.text("support.done", orderNumber));
            return "redirect:/orders/" + orderNumber;
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            showSupportForm(orders.get(orderNumber, member), member, model, form.reason(), form.note());
            return "revocation/support";
        }
    }

    /** R4: the form states the outcome before submitting; returns whether revoking is offered now. */
    private boolean showForm(CertificateOrder order, CurrentMember member, Model model, String reason, String comment) {
        RevocationRequest waiting = revocations.waitingFor(order).orElse(null);
        boolean offered = order.actionsFor(member.role(), waiting != null).contains(OrderAction.REVOKE);
        model.addAttribute("order", order);
        model.addAttribute("offered", offered);
        model.addAttribute("waitingRequest", waiting);
        model.addAttribute("reasons", RevocationReason.values());
        model.addAttribute("selectedReason", reason);
        model.addAttribute("comment", comment);
        model.addAttribute("commentMax", FormInput.COMMENT_MAX);
        model.addAttribute("mayRevokeImmediately", member.role().mayRevokeImmediately());
        if (order.getFirstIssuedAt() != null) {
            model.addAttribute("preview", RevocationPreview.of(order, clock.instant()));
        }
        return offered;
    }

    private static boolean showSupportForm(
            CertificateOrder order, CurrentMember member, Model model, String reason, String note) {
        Set<OrderAction> actions = order.actionsFor(member.role(), false);
        boolean offered = actions.contains(OrderAction.REQUEST_SUPPORT_REVOCATION);
        model.addAttribute("order", order);
        model.addAttribute("offered", offered);
        model.addAttribute("reasons", RevocationReason.values());
        model.addAttribute("selectedReason", reason);
        model.addAttribute("note", note);
        model.addAttribute("noteMax", FormInput.NOTE_MAX);
        return offered;
    }
}
