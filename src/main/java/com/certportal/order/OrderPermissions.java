package com.certportal.order;

import com.certportal.account.CurrentMember;

/** Who may act on the orders it can see: users and administrators; a finance manager only reads. */
public final class OrderPermissions {

    private OrderPermissions() {}

    public static void requireActor(CurrentMember member, String orderNumber) {
        if (!member.role().actsOnOrders()) {
            throw new OrderActionRefused(
                    OrderActionRefused.Kind.FORBIDDEN,
                    "order.refused.read-only",
                    member + " may not act on " + orderNumber,
                    orderNumber);
        }
    }
}
