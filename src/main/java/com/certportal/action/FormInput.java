package com.certportal.action;

import com.certportal.action.ActionRefused.Kind;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks what a form sent, inside the action it belongs to, so that bad input is refused with a
 * translated message and recorded in the trail like any other refusal (changing nothing).
 */
public final class FormInput {

    public static final int COMMENT_MAX = 1000;
    public static final int NOTE_MAX = 2000;

    private FormInput() {}

    /** One of a fixed set of form values (`fromKey`); anything else is refused with {@code invalidKey}. */
    public static <E> E choice(String value, Function<String, Optional<E>> fromKey, String invalidKey) {
        return fromKey.apply(value == null ? "" : value.trim())
                .orElseThrow(() -> invalid(invalidKey, "unknown value " + value));
    }

    public static String optionalText(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw invalid("form.too-long", "text of " + text.length() + " characters", max);
        }
        return text;
    }

    public static String requiredText(String value, int max, String missingKey) {
        String text = optionalText(value, max);
        if (text == null) {
            throw invalid(missingKey, "missing text");
        }
        return text;
    }

    /** The optimistic-lock version the page was shown at; it travels with every form. */
    public static long version(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw invalid("form.stale-or-forged", "bad version " + value);
        }
    }

    /** Checkbox semantics: absent is false, "true"/"on" is true, anything else is forged. */
    public static boolean flag(String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (saysTrue(value)) {
            return true;
        }
        throw invalid("form.stale-or-forged", "bad flag " + value);
    }

    /** Whether a checkbox value reads as checked, before (or without) refusing forged values. */
    public static boolean saysTrue(String value) {
        return "true".equals(value) || "on".equals(value);
    }

    private static ActionRefused invalid(String key, String detail, Object... args) {
        return new ActionRefused(Kind.INVALID, key, detail, args);
    }
}
