package com.certportal.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * K8: which expiry reminder of a certificate is due now, if any. The reminders are due 90, 60, 30, 7 and
 * 3 days before the expiry and 7 days after, to the second. A job that was not running when a threshold
 * passed sends, when it runs again, only the most recent threshold passed that still means something,
 * never a burst of old ones: a "before" reminder only while the certificate has not expired (and until
 * the next threshold), the "after" one only within 30 days of the expiry (a reminder weeks later is noise,
 * and the order page says it is expired). A certificate's thresholds count from the moment it became the
 * order's current certificate (its issue): a reissue or duplicate starts fresh only with the thresholds
 * still ahead of it, so a certificate issued 20 days before its expiry gets the 7- and 3-day reminders,
 * not the 90-, 60- and 30-day ones at once.
 */
public final class ReminderSchedule {

    /** Until when after the expiry the "7 days after" reminder is still sent by a late job. */
    public static final Duration AFTER_EXPIRY_LIMIT = Duration.ofDays(30);

    /** How far ahead of an expiry the first reminder is due (orders further out need no look). */
    public static final Duration FIRST_REMINDER = Duration.ofDays(90);

    private ReminderSchedule() {}

    /**
     * @param issuedAt when the certificate was issued (became the order's current certificate)
     * @param expiresAt the certificate's notAfter
     * @param now the instant the job runs
     */
    public static Optional<ExpiryThreshold> due(Instant issuedAt, Instant expiresAt, Instant now) {
        if (now.isBefore(expiresAt)) {
            ExpiryThreshold latest = null;
            for (ExpiryThreshold threshold : ExpiryThreshold.values()) {
                Instant dueAt = threshold.dueAt(expiresAt);
                if (threshold.beforeExpiry() && !now.isBefore(dueAt) && !dueAt.isBefore(issuedAt)) {
                    latest = threshold;
                }
            }
            return Optional.ofNullable(latest);
        }
        Instant after = ExpiryThreshold.AFTER_7.dueAt(expiresAt);
        boolean meaningful = !now.isBefore(after) && now.isBefore(expiresAt.plus(AFTER_EXPIRY_LIMIT));
        return meaningful ? Optional.of(ExpiryThreshold.AFTER_7) : Optional.empty();
    }
}
