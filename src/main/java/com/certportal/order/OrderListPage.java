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
     * Issue 10: a search text is counted by checking it on the orders that may hold it, one heap page
     * each when its matches are spread (a requester's orders: 2.5% of the account): a thousand of them
     * cost 10-20 ms at a million orders, two hundred cost what the page costs. "More than 200" still
     * tells the member to narrow the search, and costs the same at 10,000 orders as at a million.
     */
    public static final int TEXT_COUNT_CAP = 200;

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
