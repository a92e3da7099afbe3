package com.certportal.reissue.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.action.ActionRefused.FieldProblem;
import com.certportal.action.FormInput;
import com.certportal.audit.AuditAction;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.DcvMethod;
import com.certportal.order.OrderAction;
import com.certportal.order.OrderActions;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderNumbers;
import com.certportal.ordering.web.CsrUpload;
import com.certportal.reissue.CancelReissue;
import com.certportal.reissue.DuplicateCertificate;
import com.certportal.reissue.Reissues;
import com.certportal.reissue.RequestReissue;
import com.certportal.web.Notices;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * K4, K5: Certificate actions > Reissue and Duplicate (form contract: `csr` or `csrFile`, `sans`,
 * `dcvMethod`, `comment`; a duplicate takes `csr` or `csrFile` and `comment`), and cancelling a
 * reissue that waits for validation.
 */
@Controller
class ReissueController {

    /** The reissue form as the browser sends it. */
    record ReissueForm(
            String csr,
            MultipartFile csrFile,
            String sans,
            String dcvMethod,
            String comment,
            String keyCompromised,
            String version) {

        RequestReissue toCommand(String orderNumber) {
            List<FieldProblem> problems = new ArrayList<>();
            DcvMethod method = null;
            if (dcvMethod != null && !dcvMethod.isBlank()) {
                method = DcvMethod.fromKey(dcvMethod.strip()).orElse(null);
                if (method == null) {
                    problems.add(new FieldProblem("dcvMethod", "order.form.choose", List.of()));
                }
            }
            byte[] upload = CsrUpload.bytes(csrFile, problems);
            if (!problems.isEmpty()) {
                throw ActionRefused.invalidFields(problems);
            }
            return new RequestReissue(
                    orderNumber,
                    csr,
                    upload,
                    sans,
                    method,
                    comment,
                    FormInput.flag(keyCompromised),
                    FormInput.version(version));
        }
    }

    /** The duplicate form as the browser sends it. */
    record DuplicateForm(String csr, MultipartFile csrFile, String comment, String version) {

        DuplicateCertificate toCommand(String orderNumber) {
            List<FieldProblem> problems = new ArrayList<>();
            byte[] upload = CsrUpload.bytes(csrFile, problems);
            if (!problems.isEmpty()) {
                throw ActionRefused.invalidFields(problems);
            }
            return new DuplicateCertificate(orderNumber, csr, upload, comment, FormInput.version(version));
        }
    }

    private final OrderFinder orders;
    private final OrderActions orderActions;
    private final Reissues reissues;
    private final WebMessages messages;
    private final Clock clock;

    ReissueController(
            OrderFinder orders, OrderActions orderActions, Reissues reissues, WebMessages messages, Clock clock) {
        this.orders = orders;
        this.orderActions = orderActions;
        this.reissues = reissues;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/orders/{orderNumber}/reissue")
    String reissueForm(
            @PathVariable String orderNumber,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            HttpServletResponse response) {
        CertificateOrder order = orders.get(OrderNumbers.wellFormed(orderNumber), member);
        ReissueForm form = new ReissueForm(
                null,
                null,
                prefilledSans(order),
                order.getDcvMethod() == null ? "email" : order.getDcvMethod().key(),
                null,
                null,
                null);
        if (!showReissue(order, member, form, model)) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return "reissue/reissue";
    }

    @PostMapping("/orders/{orderNumber}/reissue")
    String reissue(
            @PathVariable String orderNumber,
            @ModelAttribute ReissueForm form,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        OrderNumbers.wellFormed(orderNumber);
        try {
            RequestReissue command = orderActions.parse(
                    AuditAction.REISSUE_REQUESTED, orderNumber, member, () -> form.toCommand(orderNumber));
            CertificateOrder order = reissues.request(command, member);
            if (order.waitingReissue().isPresent()) {
                Notices.success(redirect, messages.text("reissue.done.waiting", orderNumber));
            } else {
                Notices.success(
                        redirect,
                        messages.text(
                                "reissue.done.issued",
                                orderNumber,
                                order.currentCertificate()
                                        .map(Certificate::getCertificateId)
                                        .orElse("")));
            }
            return "redirect:/orders/" + orderNumber;
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            model.addAttribute("fieldErrors", messages.fieldErrors(refused));
            showReissue(orders.get(orderNumber, member), member, form, model);
            return "reissue/reissue";
        }
    }

    @PostMapping("/orders/{orderNumber}/reissue/cancel")
    String cancelReissue(
            @PathVariable String orderNumber,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String version,
            @AuthenticationPrincipal CurrentMember member,
            RedirectAttributes redirect) {
        OrderNumbers.wellFormed(orderNumber);
        try {
            CancelReissue command = orderActions.parse(
                    AuditAction.REISSUE_CANCELED,
                    orderNumber,
                    member,
                    () -> new CancelReissue(orderNumber, FormInput.version(version)));
            reissues.cancel(command, member);
            Notices.success(redirect, messages.text("reissue.canceled", orderNumber));
        } catch (ActionRefused refused) {
            redirect.addFlashAttribute("problem", messages.refusal(refused));
        }
        return "redirect:/orders/" + orderNumber;
    }

    @GetMapping("/orders/{orderNumber}/duplicate")
    String duplicateForm(
            @PathVariable String orderNumber,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            HttpServletResponse response) {
        CertificateOrder order = orders.get(OrderNumbers.wellFormed(orderNumber), member);
        if (!showDuplicate(order, member, new DuplicateForm(null, null, null, null), model)) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return "reissue/duplicate";
    }

    @PostMapping("/orders/{orderNumber}/duplicate")
    String duplicate(
            @PathVariable String orderNumber,
            @ModelAttribute DuplicateForm form,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        OrderNumbers.wellFormed(orderNumber);
        try {
            DuplicateCertificate command = orderActions.parse(
                    AuditAction.CERTIFICATE_DUPLICATED, orderNumber, member, () -> form.toCommand(orderNumber));
            Certificate duplicate = reissues.duplicate(command, member);
            Notices.success(redirect, messages.text("duplicate.done", orderNumber, duplicate.getCertificateId()));
            return "redirect:/orders/" + orderNumber;
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            model.addAttribute("fieldErrors", messages.fieldErrors(refused));
            showDuplicate(orders.get(orderNumber, member), member, form, model);
            return "reissue/duplicate";
        }
    }

    /** K4: the current names beyond the common name, so a reissue that only renews the key keeps them. */
    private static String prefilledSans(CertificateOrder order) {
        return String.join(
                "\n",
                order.getSubjectAltNames().stream()
                        .filter(n -> !n.equals(order.getCommonName()))
                        .toList());
    }

    /** Returns whether a reissue is offered now (the form is shown), or the page says why not. */
    private boolean showReissue(CertificateOrder order, CurrentMember member, ReissueForm form, Model model) {
        boolean offered = order.actionsFor(member.role(), false).contains(OrderAction.REISSUE);
        model.addAttribute("order", order);
        model.addAttribute("form", form);
        model.addAttribute("offered", offered);
        model.addAttribute("dcvMethods", DcvMethod.values());
        model.addAttribute("commentMax", FormInput.COMMENT_MAX);
        if (order.isIssued()) {
            model.addAttribute("notAfter", order.certificateNotAfter(clock.instant()));
            model.addAttribute("planEndsAt", order.planEndsAt(clock.instant()));
        }
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return offered;
    }

    private boolean showDuplicate(CertificateOrder order, CurrentMember member, DuplicateForm form, Model model) {
        boolean offered = order.actionsFor(member.role(), false).contains(OrderAction.DUPLICATE);
        model.addAttribute("order", order);
        model.addAttribute("form", form);
        model.addAttribute("offered", offered);
        model.addAttribute("current", order.currentCertificate().orElse(null));
        model.addAttribute("commentMax", FormInput.COMMENT_MAX);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return offered;
    }
}
