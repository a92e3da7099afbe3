package com.certportal.action;

/**
 * Something that does not exist or that this member may not see (an order, a request, a certificate,
 * a refund case): the two are never told apart, both are a 404.
 */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super("no visible " + what);
    }
}
