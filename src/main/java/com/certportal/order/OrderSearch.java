package com.certportal.order;

import java.util.Optional;

/**
 * L2, D3: a status filter, a free-text term matched (case-insensitive substring) against the common
 * name, every SAN, the requester's email and the order number, and orders whose certificate expires
 * within some days; in one of the list's sorts, one page of {@code size} after (or before) a cursor.
 */
public record OrderSearch(
        Optional<OrderStatus> status,
        Optional<String> text,
        Optional<Integer> expiringWithinDays,
        OrderSort sort,
        Optional<ListCursor> after,
        Optional<ListCursor> before,
        int size) {

    public OrderSearch {
        text = text.map(String::trim).filter(t -> !t.isEmpty());
        if (size < 1) {
            throw new IllegalArgumentException("size " + size);
        }
        if (after.isPresent() && before.isPresent()) {
            throw new IllegalArgumentException("a page is after a cursor or before one, not both");
        }
    }

    /** The first page, newest placed first: what the list shows with no other choice. */
    public static OrderSearch of(Optional<OrderStatus> status, Optional<String> text, int size) {
        return new OrderSearch(
                status, text, Optional.empty(), OrderSort.PLACED, Optional.empty(), Optional.empty(), size);
    }

    public OrderSearch after(ListCursor cursor) {
        return new OrderSearch(status, text, expiringWithinDays, sort, Optional.of(cursor), Optional.empty(), size);
    }

    public OrderSearch before(ListCursor cursor) {
        return new OrderSearch(status, text, expiringWithinDays, sort, Optional.empty(), Optional.of(cursor), size);
    }
}
