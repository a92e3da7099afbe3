package com.certportal.revocation.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import com.certportal.audit.AuditEntry;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderActions;
import com.certportal.order.OrderFinder;
import com.certportal.order.RevocationReason;
import com.certportal.revocation.RevocationOutcome;
import com.certportal.revocation.RevocationRequest;
import com.certportal.revocation.Revocations;
import com.certportal.revocation.SubmitCertificateRevocation;
import com.certportal.web.Notices;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * K1: revoke one certificate of an order by its certificate id (`reason`, `comment`, `skipApproval`,
 * as the order's revoke form), while the order keeps another valid certificate.
 */
@Controller
class CertificateRevokeController {

    private final OrderFinder orders;
    private final OrderActions orderActions;
    private final Revocations revocations;
    private final WebMessages messages;
    private final Clock clock;

    CertificateRevokeController(
            OrderFinder orders, OrderActions orderActions, Revocations revocations, WebMessages messages, Clock clock) {
        this.orders = orders;
        this.orderActions = orderActions;
        this.revocations = revocations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/certificates/{certificateId}/revoke")
    String form(
            @PathVariable String certificateId,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            HttpServletResponse response) {
        CertificateOrder order = orderOf(certificateId, member);
        // R2: no reason is preselected.
        if (!showForm(order, certificateId, member, model, null, null)) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return "revocation/certificate";
    }

    @PostMapping("/certificates/{certificateId}/revoke")
    String revoke(
            @PathVariable String certificateId,
            RevokeController.RevokeForm form,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        AuditEntry attempted = AuditEntry.of(
                        Revocations.certificateActionOf(FormInput.saysTrue(form.skipApproval())), clock.instant())
                .account(member.accountId())
                .actor(member.memberId())
                .detail(certificateId);
        String orderNumber = revocations.orderOf(certificateId, member, attempted);
        try {
            SubmitCertificateRevocation command = orderActions.parse(
                    attempted.action(),
                    orderNumber,
                    member,
                    () -> new SubmitCertificateRevocation(
                            certificateId,
                            RevocationReason.parse(form.reason()),
                            form.comment(),
                            FormInput.flag(form.skipApproval()),
                            FormInput.version(form.version())));
            RevocationOutcome outcome = revocations.submitForCertificate(command, member);
            if (outcome.revokedImmediately()) {
                Notices.success(redirect, messages.text("certificate.revoke.done", certificateId, orderNumber));
                return "redirect:/orders/" + orderNumber;
            }
            if (member.role().decidesRequests()) {
                Notices.success(redirect, messages.text("certificate.revoke.requested.admin", certificateId));
                return "redirect:/requests/" + outcome.request().getId();
            }
            Notices.success(redirect, messages.text("certificate.revoke.requested.user", certificateId));
            return "redirect:/orders/" + orderNumber;
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            showForm(orders.get(orderNumber, member), certificateId, member, model, form.reason(), form.comment());
            return "revocation/certificate";
        }
    }

    private CertificateOrder orderOf(String certificateId, CurrentMember member) {
        Certificate certificate = orders.certificate(certificateId, member);
        return orders.get(certificate.getOrder().getOrderNumber(), member);
    }

    /** K1, R4: states the outcome (the order stays issued, nothing refunded); returns whether it is offered. */
    private boolean showForm(
            CertificateOrder order,
            String certificateId,
            CurrentMember member,
            Model model,
            String reason,
            String comment) {
        Certificate certificate = order.certificate(certificateId);
        RevocationRequest waiting = revocations.waitingFor(order).orElse(null);
        boolean offered = member.role().actsOnOrders()
                && waiting == null
                && order.offersCertificateRevocation(certificate, clock.instant());
        model.addAttribute("order", order);
        model.addAttribute("certificate", certificate);
        model.addAttribute("offered", offered);
        model.addAttribute("waitingRequest", waiting);
        model.addAttribute("needsSupport", order.needsSupportToRevoke());
        model.addAttribute("reasons", RevocationReason.values());
        model.addAttribute("selectedReason", reason);
        model.addAttribute("comment", comment);
        model.addAttribute("commentMax", FormInput.COMMENT_MAX);
        model.addAttribute("mayRevokeImmediately", member.role().mayRevokeImmediately());
        return offered;
    }
}
