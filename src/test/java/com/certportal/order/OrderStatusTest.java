package com.certportal.order;

import static com.certportal.order.OrderStatus.CANCELED;
import static com.certportal.order.OrderStatus.ISSUED;
import static com.certportal.order.OrderStatus.NEEDS_APPROVAL;
import static com.certportal.order.OrderStatus.PENDING;
import static com.certportal.order.OrderStatus.REJECTED;
import static com.certportal.order.OrderStatus.REVOKED;
import static com.certportal.order.OrderStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    /** O4, C1, R1: the whole table, every allowed and every forbidden pair. */
    @Test
    void everyPairOfStatusesIsAllowedOrForbiddenExactlyAsTheRulesSay() {
        Map<OrderStatus, Set<OrderStatus>> allowed = Map.of(
                NEEDS_APPROVAL, EnumSet.of(PENDING, REJECTED, WITHDRAWN),
                PENDING, EnumSet.of(ISSUED, CANCELED),
                ISSUED, EnumSet.of(REVOKED),
                CANCELED, EnumSet.noneOf(OrderStatus.class),
                REVOKED, EnumSet.noneOf(OrderStatus.class),
                REJECTED, EnumSet.noneOf(OrderStatus.class),
                WITHDRAWN, EnumSet.noneOf(OrderStatus.class));
        int checked = 0;
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                assertThat(from.canMoveTo(to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(allowed.get(from).contains(to));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(49);
    }

    @Test
    void statusKeysRoundTripAndUnknownKeysAreRejected() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(OrderStatus.fromKey(status.key())).contains(status);
        }
        assertThat(OrderStatus.fromKey("ISSUED")).isEmpty();
        assertThat(OrderStatus.fromKey("needs-approval")).isEmpty();
    }
}
