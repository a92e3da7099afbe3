package com.certportal.web;

import com.certportal.action.ActionRefused;
import jakarta.servlet.http.HttpServletResponse;
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
        "status.", "request-status.", "refund-status.", "revocation-reason.", "refund.route.", "product.", "payment."
    };

    private final MessageSource messages;

    WebMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... arguments) {
        return messages.getMessage(key, translated(arguments), LocaleContextHolder.getLocale());
    }

    /** Several lines given as message keys (an action's outcome), in the member's language. */
    public List<String> texts(List<String> keys) {
        return keys.stream().map(key -> text(key)).toList();
    }

    public String refusal(ActionRefused refused) {
        return text(refused.messageKey(), refused.messageArguments());
    }

    /** A refused action re-shows its page with the reason, answered with the refusal's status. */
    public void showRefusal(ActionRefused refused, Model model, HttpServletResponse response) {
        response.setStatus(status(refused).value());
        model.addAttribute("problem", refusal(refused));
    }

    /** Each form field's messages, translated; a refusal not about a field is shown at the top only. */
    public java.util.Map<String, List<String>> fieldErrors(ActionRefused refused) {
        java.util.Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
        for (ActionRefused.FieldProblem problem : refused.problems()) {
            errors.computeIfAbsent(problem.field(), f -> new java.util.ArrayList<>())
                    .add(text(problem.messageKey(), problem.arguments().toArray()));
        }
        return errors;
    }

    public static HttpStatus status(ActionRefused refused) {
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
