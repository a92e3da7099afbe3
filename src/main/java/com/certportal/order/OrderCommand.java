package com.certportal.order;

/**
 * An action on one order as a form, an API or a job asks for it: which order, and the version of it
 * the asker was shown (a page made stale by someone else's change is refused).
 */
public interface OrderCommand {

    String orderNumber();

    long versionShown();

    /**
     * Whether the version shown is checked. Only an action that stays right on an order changed since
     * (each of its rules is checked again on the order as it is now) may skip it, for callers that
     * send no version (G: registering a voucher code by script).
     */
    default boolean checksVersion() {
        return true;
    }
}
