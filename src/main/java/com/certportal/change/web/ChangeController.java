package com.certportal.change.web;

import com.certportal.account.CurrentMember;
import com.certportal.action.BadRequestException;
import com.certportal.change.ChangeAdvice;
import com.certportal.change.ChangeAdvice.Line;
import com.certportal.change.ChangeAdvisor;
import com.certportal.change.ChangeWish;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderNumbers;
import com.certportal.revocation.Revocations;
import com.certportal.web.DisplayTimes;
import com.certportal.web.WebMessages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * G: "Do I need to cancel?" for one order. `GET /orders/{n}/change` lists what can be changed;
 * `?what=common_name` (one of {@link ChangeWish}) answers for this order and offers the action that does
 * it. Another account's order is a 404 like any order the member cannot see; an unknown `what` is a 400.
 */
@Controller
class ChangeController {

    /** One offered action as the page shows it: where it goes, and its notes in the member's language. */
    record OfferView(String remedy, String path, String orderNumber, List<String> notes) {}

    private final OrderFinder orders;
    private final Revocations revocations;
    private final WebMessages messages;
    private final DisplayTimes times;
    private final Clock clock;

    ChangeController(
            OrderFinder orders, Revocations revocations, WebMessages messages, DisplayTimes times, Clock clock) {
        this.orders = orders;
        this.revocations = revocations;
        this.messages = messages;
        this.times = times;
        this.clock = clock;
    }

    @GetMapping("/orders/{orderNumber}/change")
    String change(
            @PathVariable String orderNumber,
            @RequestParam(name = "what", required = false) String what,
            @AuthenticationPrincipal CurrentMember member,
            Model model) {
        CertificateOrder order = orders.get(OrderNumbers.wellFormed(orderNumber), member);
        model.addAttribute("order", order);
        model.addAttribute("wishes", ChangeWish.values());
        if (what == null) {
            return "orders/change";
        }
        ChangeWish wish =
                ChangeWish.fromKey(what).orElseThrow(() -> new BadRequestException("no such change: " + what));
        boolean revocationWaiting = revocations.waitingFor(order).isPresent();
        ChangeAdvice advice = ChangeAdvisor.advise(order, wish, member.role(), revocationWaiting, clock.instant());
        model.addAttribute("wish", wish);
        model.addAttribute("advice", advice);
        model.addAttribute("lines", texts(advice.lines()));
        model.addAttribute(
                "offers",
                advice.offers().stream()
                        .map(o -> new OfferView(o.remedy().key(), o.path(), o.orderNumber(), texts(o.notes())))
                        .toList());
        model.addAttribute(
                "unavailable",
                advice.unavailable().stream()
                        .map(u -> messages.text(
                                "change.unavailable.line",
                                messages.text("change.remedy-name." + u.remedy().key()),
                                text(u.why())))
                        .toList());
        return "orders/change";
    }

    private List<String> texts(List<Line> lines) {
        return lines.stream().map(this::text).toList();
    }

    /** Times are shown in the member's zone, like everywhere else in the portal. */
    private String text(Line line) {
        Object[] arguments = line.arguments().stream()
                .map(a -> a instanceof Instant instant ? times.format(instant) : a)
                .toArray();
        return messages.text(line.key(), arguments);
    }
}
