package com.certportal.account.web;

import com.certportal.account.CurrentMember;
import com.certportal.account.OwnPasswords;
import com.certportal.account.PasswordPolicy;
import com.certportal.action.ActionRefused;
import com.certportal.web.Notices;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** M2: Settings > Password: a member changes its own password, giving the current one. */
@Controller
class PasswordController {

    private final OwnPasswords passwords;
    private final WebMessages messages;

    PasswordController(OwnPasswords passwords, WebMessages messages) {
        this.passwords = passwords;
        this.messages = messages;
    }

    @GetMapping("/settings/password")
    String show(Model model) {
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "account/password";
    }

    @PostMapping("/settings/password")
    String change(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String newPasswordConfirmation,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            passwords.change(member, currentPassword, newPassword, newPasswordConfirmation);
            Notices.success(redirect, messages.text("password.changed"));
            return "redirect:/settings/password";
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            refused.field().ifPresent(field -> model.addAttribute("problemField", field));
            model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
            return "account/password";
        }
    }
}
