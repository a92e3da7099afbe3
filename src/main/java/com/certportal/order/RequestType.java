package com.certportal.order;

public enum RequestType {
    NEW,
    RENEWAL;

    public String key() {
        return "request-type." + name().toLowerCase();
    }
}
