package com.certportal.account.web;

import com.certportal.account.Invitation;
import com.certportal.account.Members;
import com.certportal.account.Members.InvitationView;
import com.certportal.account.PasswordPolicy;
import com.certportal.action.ActionRefused;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * M1: the page an invitation's link opens, without sign-in: set a password (M2) and become a member.
 * A used or expired link gets a page that says so (410); a token that names no invitation is a 404.
 */
@Controller
class InvitationController {

    private final Members members;
    private final WebMessages messages;

    InvitationController(Members members, WebMessages messages) {
        this.members = members;
        this.messages = messages;
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return page(token, members.invitation(token), model, response);
    }

    @PostMapping("/invitations/{token}")
    String accept(
            @PathVariable String token,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordConfirmation,
            Model model,
            HttpServletResponse response) {
        try {
            members.accept(token, displayName, password, passwordConfirmation);
            return "redirect:/login?joined";
        } catch (ActionRefused refused) {
            InvitationView invitation = members.invitation(token);
            if (invitation.state() != Invitation.State.OPEN) {
                return page(token, invitation, model, response);
            }
            messages.showRefusal(refused, model, response);
            refused.field().ifPresent(field -> model.addAttribute("problemField", field));
            model.addAttribute("displayName", displayName);
            return page(token, invitation, model, response);
        }
    }

    private static String page(String token, InvitationView invitation, Model model, HttpServletResponse response) {
        model.addAttribute("invitation", invitation);
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        if (invitation.state() != Invitation.State.OPEN) {
            response.setStatus(HttpServletResponse.SC_GONE);
        }
        return "account/invitation";
    }
}
