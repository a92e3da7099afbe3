package com.certportal.order;

/** An order that does not exist or that this member may not see: the two are never told apart (404). */
public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(String orderNumber) {
        super("no visible order " + orderNumber);
    }
}
