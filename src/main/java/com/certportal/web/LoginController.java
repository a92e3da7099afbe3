package com.certportal.web;

import com.certportal.demo.DemoSignIns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final ObjectProvider<DemoSignIns> demoSignIns;

    LoginController(ObjectProvider<DemoSignIns> demoSignIns) {
        this.demoSignIns = demoSignIns;
    }

    @GetMapping("/login")
    String login(Authentication authentication, Model model) {
        if (authentication != null && authentication.isAuthenticated()) {
            return "redirect:/orders";
        }
        demoSignIns.ifAvailable(demo -> model.addAttribute("demoSignIns", demo.all()));
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/orders";
    }
}
