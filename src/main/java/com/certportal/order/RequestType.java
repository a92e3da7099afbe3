package com.certportal.order;

import java.util.Locale;

public enum RequestType {
    NEW,
    RENEWAL;

    public String key() {
        return "request-type." + name().toLowerCase(Locale.ROOT);
    }
}
