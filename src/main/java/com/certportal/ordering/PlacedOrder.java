package com.certportal.ordering;

import com.certportal.order.CertificateOrder;

/** What submitting an order led to: an order placed at once, or a request waiting for approval (O4). */
public record PlacedOrder(CertificateOrder order, NewOrderRequest request) {

    public boolean waitsForApproval() {
        return request != null;
    }
}
