package com.certportal.order;

import java.util.Locale;

/** K3: the platform only decides the download format; changing it never needs a cancellation. */
public enum ServerPlatform {
    APACHE,
    NGINX,
    MICROSOFT_IIS,
    TOMCAT,
    OTHER,
    NOT_APPLICABLE;

    public String key() {
        return "platform." + name().toLowerCase(Locale.ROOT);
    }
}
