package com.certportal.ordering;

/** O3, P6: the hardware token of a code-signing order: a new one bought with it, or a reusable one. */
public record TokenChoice(boolean buyNew, String existingSerial) {

    public static final String NEW = "new";

    public static TokenChoice buyNewToken() {
        return new TokenChoice(true, null);
    }

    public static TokenChoice existing(String serial) {
        return new TokenChoice(false, serial);
    }
}
