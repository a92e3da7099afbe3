package com.certportal.order;

import java.util.Optional;

/**
 * L2: a status filter and a free-text term matched (case-insensitive substring) against the common
 * name, every SAN, the requester's email and the order number.
 */
public record OrderSearch(Optional<OrderStatus> status, Optional<String> text, int page, int size) {

    public OrderSearch {
        text = text.map(String::trim).filter(t -> !t.isEmpty());
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page " + page + " size " + size);
        }
    }
}
