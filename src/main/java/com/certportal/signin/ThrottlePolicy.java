package com.certportal.signin;

import java.time.Duration;

/**
 * M3: how sign-in slows down. After {@link #FREE_FAILURES} failures in a streak (failures no more than
 * {@link #STREAK} apart, counted from the end of any delay), every further attempt waits: 30 seconds,
 * then twice as long after each further failure, never more than 15 minutes.
 */
final class ThrottlePolicy {

    static final int FREE_FAILURES = 5;
    static final Duration STREAK = Duration.ofMinutes(15);
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration LONGEST_DELAY = Duration.ofMinutes(15);

    private ThrottlePolicy() {}

    /** The wait after the {@code failures}-th failure of a streak: none for the first four. */
    static Duration delayAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }
}
