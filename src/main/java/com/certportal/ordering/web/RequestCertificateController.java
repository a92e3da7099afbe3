package com.certportal.ordering.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.action.NotFound;
import com.certportal.catalog.Product;
import com.certportal.order.DcvMethod;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderNumbers;
import com.certportal.order.PaymentMethod;
import com.certportal.order.RequestType;
import com.certportal.order.ServerPlatform;
import com.certportal.ordering.OrderPreview;
import com.certportal.ordering.Ordering;
import com.certportal.ordering.PaymentChoices;
import com.certportal.ordering.PlaceOrder;
import com.certportal.ordering.PlacedOrder;
import com.certportal.ordering.RenewalTiming;
import com.certportal.web.Notices;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * O1-O4: Certificates > Request a certificate. The form can be checked first (the names read from
 * the CSR, price, certificate validity, approval and validation needed), then submitted; a refusal
 * shows every problem beside its field and stores nothing.
 */
@Controller
class RequestCertificateController {

    private final Ordering ordering;
    private final PaymentChoices paymentChoices;
    private final OrderFinder orders;
    private final WebMessages messages;
    private final Clock clock;

    RequestCertificateController(
            Ordering ordering, PaymentChoices paymentChoices, OrderFinder orders, WebMessages messages, Clock clock) {
        this.ordering = ordering;
        this.paymentChoices = paymentChoices;
        this.orders = orders;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * O1; K6: `?renewalOf={n}` opens the form prefilled as a renewal of order n (another account's, or
     * one a user did not request, is a 404 like any order it cannot see).
     */
    @GetMapping("/orders/new")
    String form(
            @RequestParam(required = false) String renewalOf,
            @AuthenticationPrincipal CurrentMember member,
            Model model) {
        RequestForm form = renewalOf == null || renewalOf.isBlank()
                ? RequestForm.blank()
                : RequestForm.renewing(orders.get(OrderNumbers.wellFormed(renewalOf.strip()), member));
        return show(form, member, model);
    }

    @PostMapping("/orders/new")
    String submit(
            @ModelAttribute("form") RequestForm form,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            PlaceOrder command;
            try {
                command = form.toCommand();
            } catch (ActionRefused badInput) {
                throw form.wantsPreview() ? badInput : ordering.refuseInput(badInput, member);
            }
            if (form.wantsPreview()) {
                OrderPreview preview = ordering.preview(command, member);
                model.addAttribute("preview", preview);
                return show(form.withCsr(preview.csrPem()), member, model);
            }
            PlacedOrder placed = ordering.place(command, member);
            String number = placed.order().getOrderNumber();
            if (placed.waitsForApproval()) {
                Notices.success(redirect, messages.text("new.done.requested", number));
                return "redirect:/requests/" + placed.request().getId() + "?order=" + number;
            }
            Notices.success(redirect, messages.text("new.done.placed", number));
            return "redirect:/orders/" + number;
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            model.addAttribute("fieldErrors", messages.fieldErrors(refused));
            return show(form, member, model);
        }
    }

    /** K6, G: what the form says about the order it renews (nothing for an order the member cannot see). */
    private RenewalTiming renewal(RequestForm form, CurrentMember member) {
        return form.renewing()
                .flatMap(number -> {
                    try {
                        return Optional.of(RenewalTiming.of(orders.get(number, member), clock.instant()));
                    } catch (NotFound notVisible) {
                        return Optional.empty();
                    }
                })
                .orElse(null);
    }

    private String show(RequestForm form, CurrentMember member, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("products", Product.values());
        model.addAttribute("platforms", ServerPlatform.values());
        model.addAttribute("requestTypes", RequestType.values());
        model.addAttribute("paymentMethods", PaymentMethod.values());
        model.addAttribute("dcvMethods", DcvMethod.values());
        model.addAttribute("choices", paymentChoices.of(member));
        model.addAttribute("tokenPrice", Ordering.TOKEN_PRICE);
        model.addAttribute("renewal", renewal(form, member));
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "orders/new";
    }
}
