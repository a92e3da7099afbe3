package com.certportal.action;

import java.util.Optional;

/**
 * A move the rules do not allow, a missing right or bad input. It names the current state and the
 * move refused, and carries the message key the user is shown (and, for bad input, the form field it
 * is about); it is never shown as raw text.
 */
public class ActionRefused extends RuntimeException {

    /** How the web answers: a refused move (409), missing rights (403) or bad input (400). */
    public enum Kind {
        CONFLICT,
        FORBIDDEN,
        INVALID
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] messageArguments;
    private final String field;

    public ActionRefused(String messageKey, String detail, Object... messageArguments) {
        this(Kind.CONFLICT, messageKey, detail, messageArguments);
    }

    public ActionRefused(Kind kind, String messageKey, String detail, Object... messageArguments) {
        this(kind, null, messageKey, detail, messageArguments);
    }

    private ActionRefused(Kind kind, String field, String messageKey, String detail, Object... messageArguments) {
        super(detail);
        this.kind = kind;
        this.field = field;
        this.messageKey = messageKey;
        this.messageArguments = messageArguments;
    }

    /** Bad input in one field of a form: the form is shown again with the message beside that field. */
    public static ActionRefused invalidField(String field, String messageKey, Object... messageArguments) {
        return new ActionRefused(Kind.INVALID, field, messageKey, field + ": " + messageKey, messageArguments);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArguments() {
        return messageArguments.clone();
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
