package com.certportal.order;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** K3: the platform only decides the download format; changing it never needs a cancellation. */
public enum ServerPlatform {
    APACHE,
    NGINX,
    MICROSOFT_IIS,
    TOMCAT,
    OTHER,
    NOT_APPLICABLE;

    /** D1: a server platform has a download format of its own; "not applicable" has none. */
    public boolean hasDownloadFormat() {
        return this != NOT_APPLICABLE;
    }

    public String key() {
        return "platform." + name().toLowerCase(Locale.ROOT);
    }

    /** The form value (lower-case name), part of the request form's contract (O1). */
    public String formKey() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ServerPlatform> fromFormKey(String key) {
        return Arrays.stream(values()).filter(v -> v.formKey().equals(key)).findFirst();
    }
}
