package com.certportal.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** K8: when the expiry reminders of a certificate are due, relative to its expiry. */
public enum ExpiryThreshold {
    BEFORE_90(-90),
    BEFORE_60(-60),
    BEFORE_30(-30),
    BEFORE_7(-7),
    BEFORE_3(-3),
    AFTER_7(7);

    private final int daysFromExpiry;

    ExpiryThreshold(int daysFromExpiry) {
        this.daysFromExpiry = daysFromExpiry;
    }

    /** The instant this reminder is due for a certificate expiring at {@code expiresAt}, to the second. */
    public Instant dueAt(Instant expiresAt) {
        return expiresAt.plus(Duration.ofDays(daysFromExpiry));
    }

    public boolean beforeExpiry() {
        return daysFromExpiry < 0;
    }

    /** The number of days in "90 days before" or "7 days after". */
    public int days() {
        return Math.abs(daysFromExpiry);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
