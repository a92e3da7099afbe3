package com.certportal.order;

import java.util.Locale;

public enum PaymentMethod {
    BANK_TRANSFER,
    CREDIT_CARD,
    VOUCHER,
    ENTERPRISE_UNIT;

    public String key() {
        return "payment." + name().toLowerCase(Locale.ROOT);
    }
}
