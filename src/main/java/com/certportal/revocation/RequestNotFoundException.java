package com.certportal.revocation;

import com.certportal.order.OrderNotFoundException;

/** A request that does not exist or that this member may not see: the same 404 as an unknown order. */
public class RequestNotFoundException extends OrderNotFoundException {

    public RequestNotFoundException(Long id) {
        super("request " + id);
    }
}
