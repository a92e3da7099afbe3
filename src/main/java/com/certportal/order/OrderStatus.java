package com.certportal.order;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The life of an order. The legal moves are this one table; nothing else changes a status. */
public enum OrderStatus {
    /** O4: a user's order waits for an administrator of the account. */
    NEEDS_APPROVAL,
    PENDING,
    ISSUED,
    CANCELED,
    REVOKED,
    /** O4: an administrator rejected the order request. */
    REJECTED,
    /** O4: the requester withdrew its order request before it was decided. */
    WITHDRAWN;

    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL_MOVES = Map.of(
            NEEDS_APPROVAL, EnumSet.of(PENDING, REJECTED, WITHDRAWN), // O4: approved, rejected or withdrawn
            PENDING, EnumSet.of(ISSUED, CANCELED), // C1: only a pending order is cancelled; O5, I: issued
            ISSUED, EnumSet.of(REVOKED), // R1: only an issued order is revoked
            CANCELED, EnumSet.noneOf(OrderStatus.class),
            REVOKED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class),
            WITHDRAWN, EnumSet.noneOf(OrderStatus.class));

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
