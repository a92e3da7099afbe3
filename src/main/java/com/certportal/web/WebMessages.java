package com.certportal.web;

import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderActionRefused;
import com.certportal.order.OrderStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Turns message keys, and domain refusals, into text in the member's language. */
@Component
public class WebMessages {

    private static final String[] TRANSLATED_ARGUMENT_PREFIXES = {
        "status.", "request-status.", "refund-status.", "revocation-reason.", "refund.route.", "product."
    };

    private final MessageSource messages;

    WebMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... arguments) {
        return messages.getMessage(key, translated(arguments), LocaleContextHolder.getLocale());
    }

    /**
     * P7, R3: what an action did to the order and its money, as the confirmation shows it: whether a
     * revocation counted as a cancellation, where the refund went, and the hardware token (P6).
     */
    public List<String> outcomeOf(CertificateOrder order) {
        List<String> lines = new ArrayList<>();
        if (order.getStatus() == OrderStatus.REVOKED) {
            lines.add(
                    text(order.isTreatedAsCancellation() ? "order.treated-as-cancellation" : "order.revocation-only"));
        }
        if (order.getRefundRoute() != null) {
            lines.add(text("refund.route." + order.getRefundRoute().key() + ".done"));
        }
        if (order.isHardwareTokenKeptForReuse()) {
            lines.add(text("refund.token-kept"));
        }
        return lines;
    }

    public String refusal(OrderActionRefused refused) {
        return text(refused.messageKey(), refused.messageArguments());
    }

    /** A refused action re-shows its page with the reason, answered with the refusal's status. */
    public void showRefusal(OrderActionRefused refused, Model model, HttpServletResponse response) {
        response.setStatus(status(refused).value());
        model.addAttribute("problem", refusal(refused));
    }

    public static HttpStatus status(OrderActionRefused refused) {
        return switch (refused.kind()) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }

    /** Arguments that are themselves message keys (a status, a reason) are shown translated. */
    private static Object[] translated(Object[] arguments) {
        return Arrays.stream(arguments)
                .map(a -> a instanceof String s && isKey(s) ? new DefaultMessageSourceResolvable(s) : a)
                .toArray();
    }

    private static boolean isKey(String value) {
        return Arrays.stream(TRANSLATED_ARGUMENT_PREFIXES).anyMatch(value::startsWith);
    }
}
