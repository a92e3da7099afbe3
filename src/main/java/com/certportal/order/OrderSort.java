package com.certportal.order;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * D3, L4: the orders the list can be sorted by, each a key column and the order's id to break ties.
 * Orders without the key (not issued yet) come after all the others, whatever the direction.
 */
public enum OrderSort {
    /** Newest placed first (the default). */
    PLACED("createdAt", false, false),
    /** Newest first issue first; orders not issued yet last. */
    FIRST_ISSUED("firstIssuedAt", false, true),
    /** Soonest expiry first; orders without a valid certificate last. */
    EXPIRY("expiresAt", true, true);

    private final String property;
    private final boolean ascending;
    private final boolean nullable;

    OrderSort(String property, boolean ascending, boolean nullable) {
        this.property = property;
        this.ascending = ascending;
        this.nullable = nullable;
    }

    /** The URL value (`placed`, `first_issued`, `expiry`). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrderSort> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }

    String property() {
        return property;
    }

    boolean ascending() {
        return ascending;
    }

    boolean nullable() {
        return nullable;
    }
}
