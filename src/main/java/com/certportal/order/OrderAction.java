package com.certportal.order;

import java.util.Locale;

/** The certificate actions a member may be offered on an order. */
public enum OrderAction {
    /** C1: from the detail page only, never from quick view. */
    CANCEL(false),
    /** R1: from the detail page and from quick view. */
    REVOKE(true),
    /** R5: products that only support can revoke. */
    REQUEST_SUPPORT_REVOCATION(true),
    /** O3: the finance manager records that a bank transfer arrived; from the order page. */
    RECORD_PAYMENT(false),
    /** K4: a new certificate with a new key, names may change; from the order page. */
    REISSUE(false),
    /** K5: another certificate with another key for the same names; from the order page. */
    DUPLICATE(false),
    /** K6: a new order that renews this one, from the order page. */
    RENEW(false),
    /** G: another voucher code adds licences to a voucher order, from the order page. */
    REGISTER_VOUCHER(false);

    private final boolean offeredInQuickView;

    OrderAction(boolean offeredInQuickView) {
        this.offeredInQuickView = offeredInQuickView;
    }

    public boolean offeredInQuickView() {
        return offeredInQuickView;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
