package com.certportal.order;

/**
 * A move the rules do not allow. It names the current state and the move refused, and carries the
 * message key the user is shown; it is never shown as raw text.
 */
public class OrderActionRefused extends RuntimeException {

    private final String messageKey;
    private final transient Object[] messageArguments;

    public OrderActionRefused(String messageKey, String detail, Object... messageArguments) {
        super(detail);
        this.messageKey = messageKey;
        this.messageArguments = messageArguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArguments() {
        return messageArguments.clone();
    }
}
