package com.certportal.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * K2 (seed section 6, "48 to 72 hours"): a reissue that changes the common name, or removes or
 * changes a SAN, supersedes every earlier certificate of the order that carries a name the reissue
 * dropped. Such a certificate is due for revocation (reason superseded) 48 hours after the reissue
 * and a background job revokes it no later than 72 hours after it.
 */
public final class SupersededRevocation {

    /** K2: not before 48 h after the reissue. */
    public static final Duration DUE_AFTER = Duration.ofHours(48);

    /** K2: no later than 72 h after the reissue. */
    public static final Duration AT_THE_LATEST_AFTER = Duration.ofHours(72);

    private SupersededRevocation() {}

    /** The moment a certificate superseded by a reissue at {@code reissuedAt} becomes due. */
    public static Instant dueAt(Instant reissuedAt) {
        return reissuedAt.plus(DUE_AFTER);
    }

    /** Due at {@code dueAt} exactly (47:59:59 after the reissue is not due, 48:00:00 is). */
    public static boolean isDue(Instant dueAt, Instant now) {
        return !now.isBefore(dueAt);
    }

    /**
     * The latest moment a job that runs every {@code cadence} (the pause between two runs, plus the
     * time a run and the scheduler's poll may take) revokes a certificate superseded at {@code
     * reissuedAt}: one full cadence after it became due.
     */
    public static Instant latestRevocation(Instant reissuedAt, Duration cadence) {
        return dueAt(reissuedAt).plus(cadence);
    }

    /** Whether a job of this cadence keeps K2's 72-hour bound. */
    public static boolean keepsTheBound(Duration cadence) {
        return !latestRevocation(Instant.EPOCH, cadence).isAfter(Instant.EPOCH.plus(AT_THE_LATEST_AFTER));
    }

    /**
     * K2: whether a reissue to {@code commonName} with {@code names} supersedes an earlier certificate:
     * it does when the common name changed or the certificate carries a name the reissue dropped. A
     * reissue that only adds names supersedes nothing.
     */
    public static boolean supersedes(
            String commonName, Collection<String> names, String earlierCommonName, Set<String> earlierNames) {
        return !commonName.equals(earlierCommonName) || !names.containsAll(earlierNames);
    }
}
