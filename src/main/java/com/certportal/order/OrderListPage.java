package com.certportal.order;

import java.util.List;

/**
 * L2, L4: one page of the order list, with where the next and previous pages start, and how many
 * orders match: exactly up to {@link #COUNT_CAP} (up to {@link #TEXT_COUNT_CAP} for a search text),
 * beyond that only "more than" (issue 10: counting a million orders costs what the page itself should
 * not).
 */
public record OrderListPage(
        List<CertificateOrder> orders, ListCursor next, ListCursor previous, long total, boolean totalCapped) {

    public static final int COUNT_CAP = 10_000;

    /**
     * Issue 10: a text found in a quarter of a million orders is counted by checking the text on every
     * order until the cap; ten thousand would cost 40 ms at a million orders, a thousand costs 4.
     */
    public static final int TEXT_COUNT_CAP = 1_000;

    public boolean hasNext() {
        return next != null;
    }

    public boolean hasPrevious() {
        return previous != null;
    }

    public boolean isEmpty() {
        return orders.isEmpty();
    }
}
