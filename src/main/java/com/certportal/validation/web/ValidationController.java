package com.certportal.validation.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.order.OrderNumbers;
import com.certportal.validation.CheckValidation;
import com.certportal.validation.DomainValidation;
import com.certportal.validation.OrderValidationState;
import com.certportal.validation.Validations;
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
 * V1, V4: "check now" on an order's file and DNS validations, and the page behind an emailed link:
 * opening it (GET) only shows what would be confirmed, so a mail scanner that follows links
 * validates nothing; the recipient's button (POST) confirms.
 */
@Controller
class ValidationController {

    private final Validations validations;
    private final WebMessages messages;
    private final Clock clock;

    ValidationController(Validations validations, WebMessages messages, Clock clock) {
        this.validations = validations;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/orders/{orderNumber}/validation/check")
    String checkNow(
            @PathVariable String orderNumber,
            @AuthenticationPrincipal CurrentMember member,
            RedirectAttributes redirect) {
        OrderNumbers.wellFormed(orderNumber);
        try {
            OrderValidationState state = validations.checkNow(new CheckValidation(orderNumber), member);
            long pending = state.names().stream()
                    .filter(n -> n.progress() != OrderValidationState.Progress.VALIDATED)
                    .count();
            Notices.success(
                    redirect,
                    pending == 0
                            ? messages.text("validation.checked.all-done", orderNumber)
                            : messages.text("validation.checked.some-pending", orderNumber, pending));
        } catch (ActionRefused refused) {
            redirect.addFlashAttribute("problem", messages.refusal(refused));
        }
        return "redirect:/orders/" + orderNumber + "#validation";
    }

    @GetMapping("/dcv/{token}")
    String confirmationPage(@PathVariable String token, Model model) {
        show(validations.byLink(checked(token)), model);
        model.addAttribute("token", token);
        return "validation/confirm";
    }

    @PostMapping("/dcv/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        String link = checked(token);
        model.addAttribute("token", link);
        try {
            DomainValidation validation = validations.confirmByLink(link);
            show(validation, model);
            model.addAttribute("confirmed", true);
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            show(validations.byLink(link), model);
        }
        return "validation/confirm";
    }

    private void show(DomainValidation validation, Model model) {
        model.addAttribute("validation", validation);
        model.addAttribute("expired", validation.tokenExpiredAt(clock.instant()));
    }

    /** A link's secret is URL-safe base64; anything else is simply not a link we sent (404). */
    private static String checked(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) {
            throw new com.certportal.action.NotFound("validation link");
        }
        return token;
    }
}
