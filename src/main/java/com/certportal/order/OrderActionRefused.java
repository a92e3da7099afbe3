package com.certportal.order;

/**
 * A move the rules do not allow. It names the current state and the move refused, and carries the
 * message key the user is shown; it is never shown as raw text.
 */
public class OrderActionRefused extends RuntimeException {

    /** How the web answers: a refused move (409), missing rights (403) or bad input (400). */
    public enum Kind {
        CONFLICT,
        FORBIDDEN,
        INVALID
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] messageArguments;

    public OrderActionRefused(String messageKey, String detail, Object... messageArguments) {
        this(Kind.CONFLICT, messageKey, detail, messageArguments);
    }

    public OrderActionRefused(Kind kind, String messageKey, String detail, Object... messageArguments) {
        super(detail);
        this.kind = kind;
        this.messageKey = messageKey;
        this.messageArguments = messageArguments;
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
}
