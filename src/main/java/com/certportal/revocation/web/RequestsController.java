package com.certportal.revocation.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.action.BadRequestException;
import com.certportal.revocation.DecideRequest;
import com.certportal.revocation.DecideRequest.Decision;
import com.certportal.revocation.RevocationRequest;
import com.certportal.revocation.Revocations;
import com.certportal.web.Notices;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
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

/** A1-A4: the requests page (証明書申請) and the approval page of one request. */
@Controller
class RequestsController {

    private final Revocations revocations;
    private final WebMessages messages;

    RequestsController(Revocations revocations, WebMessages messages) {
        this.revocations = revocations;
        this.messages = messages;
    }

    @GetMapping("/requests")
    String list(
            @RequestParam(required = false) String status, @AuthenticationPrincipal CurrentMember member, Model model) {
        Optional<RevocationRequest.Status> filter = Optional.ofNullable(status)
                .filter(s -> !s.isBlank())
                .map(s -> Arrays.stream(RevocationRequest.Status.values())
                        .filter(v -> v.key().equals(s))
                        .findFirst()
                        .orElseThrow(() -> new BadRequestException("unknown request status " + s)));
        var requests = revocations.list(filter, member);
        model.addAttribute("requests", requests);
        long waitingCount =
                requests.stream().filter(RevocationRequest::isWaiting).count();
        model.addAttribute("waitingCount", waitingCount);
        // A3: a member who cannot decide is told whom to ask.
        model.addAttribute(
                "askAdministrator", waitingCount > 0 && !member.role().decidesRevocations());
        model.addAttribute("statuses", RevocationRequest.Status.values());
        model.addAttribute(
                "selectedStatus", filter.map(RevocationRequest.Status::key).orElse(""));
        return "revocation/requests";
    }

    @GetMapping("/requests/{id}")
    String show(@PathVariable Long id, @AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("request", revocations.get(id, member));
        return "revocation/request";
    }

    @PostMapping("/requests/{id}/approve")
    String approve(
            @PathVariable Long id,
            @RequestParam(required = false) String comment,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            RevocationRequest approved = revocations.decide(new DecideRequest(id, Decision.APPROVE, comment), member);
            Notices.success(
                    redirect,
                    List.of(messages.text(
                            "request.approved", approved.getOrder().getOrderNumber())),
                    messages.texts(approved.getOrder().outcomeKeys()));
            return "redirect:/requests/" + id;
        } catch (ActionRefused refused) {
            return refusedDecision(id, comment, member, model, response, refused);
        }
    }

    @PostMapping("/requests/{id}/reject")
    String reject(
            @PathVariable Long id,
            @RequestParam(required = false) String comment,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            RevocationRequest rejected = revocations.decide(new DecideRequest(id, Decision.REJECT, comment), member);
            Notices.success(
                    redirect,
                    messages.text("request.rejected", rejected.getOrder().getOrderNumber()));
            return "redirect:/requests/" + id;
        } catch (ActionRefused refused) {
            return refusedDecision(id, comment, member, model, response, refused);
        }
    }

    private String refusedDecision(
            Long id,
            String comment,
            CurrentMember member,
            Model model,
            HttpServletResponse response,
            ActionRefused refused) {
        messages.showRefusal(refused, model, response);
        model.addAttribute("comment", comment);
        model.addAttribute("request", revocations.get(id, member));
        return "revocation/request";
    }
}
