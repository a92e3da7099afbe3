package com.certportal.validation.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.validation.DecideOrganization;
import com.certportal.validation.OrganizationValidation;
import com.certportal.validation.Validations;
import com.certportal.web.Notices;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** V2: the CA operations area, where validation agents approve or reject organizations, with a note. */
@Controller
class OperationsController {

    private final Validations validations;
    private final WebMessages messages;

    OperationsController(Validations validations, WebMessages messages) {
        this.validations = validations;
        this.messages = messages;
    }

    @GetMapping("/operations/validations")
    String queue(@AuthenticationPrincipal CurrentMember agent, Model model) {
        model.addAttribute("validations", validations.organizationQueue(agent));
        return "operations/validations";
    }

    @GetMapping("/operations/validations/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentMember agent, Model model) {
        model.addAttribute("validation", validations.organization(id, agent));
        return "operations/validation";
    }

    @PostMapping("/operations/validations/{id}/approve")
    String approve(
            @PathVariable long id,
            @RequestParam(required = false) String note,
            @AuthenticationPrincipal CurrentMember agent,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return decide(id, true, note, agent, model, redirect, response);
    }

    @PostMapping("/operations/validations/{id}/reject")
    String reject(
            @PathVariable long id,
            @RequestParam(required = false) String note,
            @AuthenticationPrincipal CurrentMember agent,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return decide(id, false, note, agent, model, redirect, response);
    }

    private String decide(
            long id,
            boolean approve,
            String note,
            CurrentMember agent,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            OrganizationValidation decided =
                    validations.decideOrganization(new DecideOrganization(id, approve, note), agent);
            Notices.success(
                    redirect,
                    messages.text(
                            approve ? "operations.approved" : "operations.rejected", decided.getOrganizationName()));
            return "redirect:/operations/validations";
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            model.addAttribute("note", note);
            model.addAttribute("validation", validations.organization(id, agent));
            return "operations/validation";
        }
    }
}
