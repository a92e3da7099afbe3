package com.certportal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final ObjectProvider<SignInHints> signInHints;

    LoginController(ObjectProvider<SignInHints> signInHints) {
        this.signInHints = signInHints;
    }

    @GetMapping("/login")
    String login(Authentication authentication, HttpServletRequest request, Model model) {
        if (authentication != null && authentication.isAuthenticated()) {
            return "redirect:/orders";
        }
        if (request.getParameterMap().containsKey("error")) {
            model.addAttribute("typedEmail", SignInFailures.takeTypedEmail(request));
        }
        signInHints.ifAvailable(hints -> model.addAttribute("demoSignIns", hints.hints()));
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/orders";
    }
}
