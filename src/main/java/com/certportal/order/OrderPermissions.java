package com.certportal.order;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;

/** Who may act on the orders it can see: users and administrators; a finance manager only reads. */
public final class OrderPermissions {

    private OrderPermissions() {}

    public static void requireActor(CurrentMember member, String orderNumber) {
        if (!member.role().actsOnOrders()) {
            throw new ActionRefused(
                    ActionRefused.Kind.FORBIDDEN,
                    "order.refused.read-only",
                    member + " may not act on " + orderNumber,
                    orderNumber);
        }
    }
}
