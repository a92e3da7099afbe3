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

    /**
     * One of a fixed set of form values (`fromKey`); anything else is refused with {@code invalidKey}.
     * Surrounding spaces are forgiven, control characters are not (issue 9: `superseded%00` is forged,
     * not a typo of `superseded`).
     */
    public static <E> E choice(String value, Function<String, Optional<E>> fromKey, String invalidKey) {
        if (value != null && value.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            throw invalid(invalidKey, "control characters in a form value");
        }
        return fromKey.apply(value == null ? "" : value.strip())
                .orElseThrow(() -> invalid(invalidKey, "unknown value " + value));
    }

    /**
     * A comment or note: several lines of text, at most {@code max} characters, or nothing. Line breaks
     * (as browsers send them, CR LF) and tabs are kept; other control characters (NUL, escape, ...) and
     * the Unicode controls that reverse how text reads (bidi overrides and isolates, used to disguise
     * what a text says) are refused.
     */
    public static String optionalText(String value, int max) {
        return text(value, max, true);
    }

    /** A single line (a name): like {@link #optionalText}, without line breaks or tabs. */
    public static String optionalLine(String value, int max) {
        return text(value, max, false);
    }

    public static String requiredLine(String value, int max, String missingKey) {
        String text = optionalLine(value, max);
        if (text == null) {
            throw invalid(missingKey, "missing text");
        }
        return text;
    }

    /** Whether {@code text} holds a character no typed text needs (see {@link #optionalText}). */
    public static boolean hasInvisibleControls(String text, boolean multiLine) {
        return text.chars().anyMatch(c -> isInvisibleControl(c, multiLine));
    }

    private static String text(String value, int max, boolean multiLine) {
        if (value == null) {
            return null;
        }
        String text = value.replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            return null;
        }
        if (hasInvisibleControls(text, multiLine)) {
            throw invalid("form.control-characters", "control or bidi characters in text");
        }
        if (text.length() > max) {
            throw invalid("form.too-long", "text of " + text.length() + " characters", max);
        }
        return text;
    }

    private static boolean isInvisibleControl(int c, boolean multiLine) {
        if (Character.getType(c) == Character.CONTROL) {
            return !(multiLine && (c == '\n' || c == '\t'));
        }
        // LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI.
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
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
