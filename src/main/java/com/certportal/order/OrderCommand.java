package com.certportal.order;

/**
 * An action on one order as a form, an API or a job asks for it: which order, and the version of it
 * the asker was shown (a page made stale by someone else's change is refused).
 */
public interface OrderCommand {

    String orderNumber();

    long versionShown();
}
