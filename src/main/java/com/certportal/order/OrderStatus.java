package com.certportal.order;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The life of an order. The legal moves are this one table; nothing else changes a status. */
public enum OrderStatus {
    PENDING,
    ISSUED,
    CANCELED,
    REVOKED;

    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL_MOVES = Map.of(
            PENDING, EnumSet.of(ISSUED, CANCELED), // C1: only a pending order is cancelled
            ISSUED, EnumSet.of(REVOKED), // R1: only an issued order is revoked
            CANCELED, EnumSet.noneOf(OrderStatus.class),
            REVOKED, EnumSet.noneOf(OrderStatus.class));

    public boolean canMoveTo(OrderStatus next) {
        return LEGAL_MOVES.get(this).contains(next);
    }

    /** The lower-case name used in URLs (`/orders?status=issued`). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrderStatus> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
