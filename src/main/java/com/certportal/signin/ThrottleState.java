package com.certportal.signin;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** M3: the failures of one account email or one client address, shared by every instance. */
@Entity
@Table(name = "sign_in_throttle")
class ThrottleState {

    @Id
    private String throttleKey;

    private int failures;
    private Instant lastFailureAt;
    private Instant blockedUntil;

    protected ThrottleState() {}

    /** Whether sign-in with this email, or from this address, is refused at {@code now}. */
    boolean blocksAt(Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil);
    }

    String key() {
        return throttleKey;
    }

    Instant blockedUntil() {
        return blockedUntil;
    }

    int failures() {
        return failures;
    }

    /** Counts a failure at {@code now}: a streak that went quiet for 15 minutes starts again. */
    Snapshot fail(Instant now) {
        Snapshot before = new Snapshot(failures, lastFailureAt, blockedUntil);
        Instant streakEnd = (blockedUntil != null ? blockedUntil : lastFailureAt);
        if (streakEnd == null || now.isAfter(streakEnd.plus(ThrottlePolicy.STREAK))) {
            failures = 0;
        }
        failures++;
        lastFailureAt = now;
        blockedUntil = failures >= ThrottlePolicy.FREE_FAILURES ? now.plus(ThrottlePolicy.delayAfter(failures)) : null;
        return before;
    }

    /**
     * Takes back a failure counted in advance for an attempt that turned out right (see
     * {@link SignInThrottle}): exactly as before if nobody failed here since, else only its count.
     */
    void undo(Snapshot before, Instant countedAt) {
        if (Objects.equals(lastFailureAt, countedAt)) {
            failures = before.failures();
            lastFailureAt = before.lastFailureAt();
            blockedUntil = before.blockedUntil();
        } else if (failures > 0) {
            failures--;
        }
    }

    /** The right password for this account: its streak is over. */
    void clear() {
        failures = 0;
        lastFailureAt = null;
        blockedUntil = null;
    }

    record Snapshot(int failures, Instant lastFailureAt, Instant blockedUntil) {}
}
