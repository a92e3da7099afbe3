package com.certportal.account.web;

import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import com.certportal.account.Members;
import com.certportal.action.ActionRefused;
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

/** M1: Account > Members, for administrators: the list, invitations, roles and deactivation. */
@Controller
class MembersController {

    private final Members members;
    private final WebMessages messages;

    MembersController(Members members, WebMessages messages) {
        this.members = members;
        this.messages = messages;
    }

    @GetMapping("/account/members")
    String list(@AuthenticationPrincipal CurrentMember by, Model model) {
        fill(by, model);
        return "account/members";
    }

    @PostMapping("/account/members/invitations")
    String invite(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String role,
            @AuthenticationPrincipal CurrentMember by,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            members.invite(email, role, by);
            Notices.success(redirect, messages.text("members.invited", email.strip()));
            return "redirect:/account/members";
        } catch (ActionRefused refused) {
            model.addAttribute("inviteEmail", email);
            model.addAttribute("inviteRole", role);
            return refused(by, model, response, refused);
        }
    }

    @PostMapping("/account/members/{id}/role")
    String changeRole(
            @PathVariable Long id,
            @RequestParam(required = false) String role,
            @AuthenticationPrincipal CurrentMember by,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Member member = members.changeRole(id, role, by);
            Notices.success(
                    redirect,
                    messages.text(
                            "members.role-changed",
                            member.getDisplayName(),
                            messages.text("role." + member.getRole().key())));
            return "redirect:/account/members";
        } catch (ActionRefused refused) {
            return refused(by, model, response, refused);
        }
    }

    @PostMapping("/account/members/{id}/deactivate")
    String deactivate(
            @PathVariable Long id,
            @AuthenticationPrincipal CurrentMember by,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Member member = members.deactivate(id, by);
            Notices.success(redirect, messages.text("members.deactivated", member.getDisplayName()));
            return "redirect:/account/members";
        } catch (ActionRefused refused) {
            return refused(by, model, response, refused);
        }
    }

    private String refused(CurrentMember by, Model model, HttpServletResponse response, ActionRefused refused) {
        messages.showRefusal(refused, model, response);
        refused.field().ifPresent(field -> model.addAttribute("problemField", field));
        fill(by, model);
        return "account/members";
    }

    private void fill(CurrentMember by, Model model) {
        model.addAttribute("roster", members.roster(by));
        model.addAttribute("roles", Members.ASSIGNABLE);
        model.addAttribute("me", by.memberId());
    }
}
