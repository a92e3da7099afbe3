package com.certportal.approval.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.action.BadRequestException;
import com.certportal.approval.ApprovalRequest;
import com.certportal.approval.Approvals;
import com.certportal.approval.DecideRequest;
import com.certportal.approval.DecideRequest.Decision;
import com.certportal.approval.WithdrawRequest;
import com.certportal.web.Notices;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A1-A4, O4: the requests page (証明書申請), listing new orders and revocations that wait for an
 * administrator, and the page of one request where it is approved, rejected or withdrawn.
 */
@Controller
class RequestsController {

    private final Approvals approvals;
    private final WebMessages messages;

    RequestsController(Approvals approvals, WebMessages messages) {
        this.approvals = approvals;
        this.messages = messages;
    }

    @GetMapping("/requests")
    String list(
            @RequestParam(required = false) String status, @AuthenticationPrincipal CurrentMember member, Model model) {
        Optional<ApprovalRequest.Status> filter = Optional.ofNullable(status)
                .filter(s -> !s.isBlank())
                .map(s -> ApprovalRequest.Status.fromKey(s)
                        .orElseThrow(() -> new BadRequestException("unknown request status " + s)));
        List<ApprovalRequest> requests = approvals.list(filter, member);
        long waitingCount = requests.stream().filter(ApprovalRequest::isWaiting).count();
        model.addAttribute("requests", requests);
        model.addAttribute("waitingCount", waitingCount);
        // A3: a member who cannot decide is told whom to ask.
        model.addAttribute(
                "askAdministrator", waitingCount > 0 && !member.role().decidesRequests());
        model.addAttribute("statuses", ApprovalRequest.Status.values());
        model.addAttribute(
                "selectedStatus", filter.map(ApprovalRequest.Status::key).orElse(""));
        return "requests/list";
    }

    @GetMapping("/requests/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("request", approvals.get(id, member));
        return "requests/request";
    }

    @PostMapping("/requests/{id}/approve")
    String approve(
            @PathVariable long id,
            @RequestParam(required = false) String comment,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            ApprovalRequest approved = approvals.decide(new DecideRequest(id, Decision.APPROVE, comment), member);
            Notices.success(
                    redirect,
                    List.of(messages.text(
                            "request.approved." + approved.kind().key(),
                            approved.getOrder().getOrderNumber())),
                    messages.texts(approved.getOrder().outcomeKeys()));
            return "redirect:/requests/" + id;
        } catch (ActionRefused refused) {
            return refused(id, comment, member, model, response, refused);
        }
    }

    @PostMapping("/requests/{id}/reject")
    String reject(
            @PathVariable long id,
            @RequestParam(required = false) String comment,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            ApprovalRequest rejected = approvals.decide(new DecideRequest(id, Decision.REJECT, comment), member);
            Notices.success(
                    redirect,
                    messages.text(
                            "request.rejected." + rejected.kind().key(),
                            rejected.getOrder().getOrderNumber()));
            return "redirect:/requests/" + id;
        } catch (ActionRefused refused) {
            return refused(id, comment, member, model, response, refused);
        }
    }

    @PostMapping("/requests/{id}/withdraw")
    String withdraw(
            @PathVariable long id,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            ApprovalRequest withdrawn = approvals.withdraw(new WithdrawRequest(id), member);
            Notices.success(
                    redirect,
                    messages.text(
                            "request.withdrawn." + withdrawn.kind().key(),
                            withdrawn.getOrder().getOrderNumber()));
            return "redirect:/requests/" + id;
        } catch (ActionRefused refused) {
            return refused(id, null, member, model, response, refused);
        }
    }

    private String refused(
            long id,
            String comment,
            CurrentMember member,
            Model model,
            HttpServletResponse response,
            ActionRefused refused) {
        messages.showRefusal(refused, model, response);
        model.addAttribute("comment", comment);
        model.addAttribute("request", approvals.get(id, member));
        return "requests/request";
    }
}
