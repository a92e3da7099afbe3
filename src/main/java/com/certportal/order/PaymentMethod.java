package com.certportal.order;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum PaymentMethod {
    BANK_TRANSFER,
    CREDIT_CARD,
    VOUCHER,
    ENTERPRISE_UNIT;

    public String key() {
        return "payment." + name().toLowerCase(Locale.ROOT);
    }

    /** The form value (lower-case name), part of the request form's contract (O1). */
    public String formKey() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentMethod> fromFormKey(String key) {
        return Arrays.stream(values()).filter(v -> v.formKey().equals(key)).findFirst();
    }
}
