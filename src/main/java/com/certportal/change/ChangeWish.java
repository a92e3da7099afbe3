package com.certportal.change;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** G: what a member wants to change on an order (the rows of the "Do I need to cancel?" table). */
public enum ChangeWish {
    PAYMENT_METHOD,
    REQUEST_TYPE,
    PRODUCT_OR_YEARS,
    RENEWAL_TIMING,
    COMMON_NAME,
    SERVER_PLATFORM,
    LICENCES;

    /** The value of `?what=` (part of the page's contract: `/orders/{n}/change?what=common_name`). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exactly one of the keys: a value padded with spaces or control characters names no wish. */
    public static Optional<ChangeWish> fromKey(String key) {
        return Arrays.stream(values()).filter(w -> w.key().equals(key)).findFirst();
    }
}
