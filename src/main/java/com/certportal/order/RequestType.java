package com.certportal.order;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum RequestType {
    NEW,
    RENEWAL;

    public String key() {
        return "request-type." + name().toLowerCase(Locale.ROOT);
    }

    /** The form value (lower-case name), part of the request form's contract (O1). */
    public String formKey() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RequestType> fromFormKey(String key) {
        return Arrays.stream(values()).filter(v -> v.formKey().equals(key)).findFirst();
    }
}
