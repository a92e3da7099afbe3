package com.certportal.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** K8: which reminder is due, at each threshold to the second, and what a late job sends. */
class ReminderScheduleTest {

    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-07-19T09:30:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    @ParameterizedTest
    @EnumSource(
            value = ExpiryThreshold.class,
            names = {"BEFORE_90", "BEFORE_60", "BEFORE_30", "BEFORE_7", "BEFORE_3"})
    void eachBeforeThresholdIsDueOnItsSecondAndNotOneSecondEarlier_K8(ExpiryThreshold threshold) {
        Instant dueAt = EXPIRES.minus(Duration.ofDays(threshold.days()));

        assertThat(threshold.dueAt(EXPIRES)).isEqualTo(dueAt);
        assertThat(due(dueAt)).contains(threshold);
        assertThat(due(dueAt.minus(SECOND))).isNotEqualTo(Optional.of(threshold));
    }

    @Test
    void nothingIsDueBeforeNinetyDays_K8() {
        assertThat(due(EXPIRES.minus(Duration.ofDays(90)).minus(SECOND))).isEmpty();
        assertThat(due(EXPIRES.minus(Duration.ofDays(90)))).contains(ExpiryThreshold.BEFORE_90);
    }

    @Test
    void eachThresholdStaysDueUntilTheNextOne_K8() {
        assertThat(due(EXPIRES.minus(Duration.ofDays(60)).minus(SECOND))).contains(ExpiryThreshold.BEFORE_90);
        assertThat(due(EXPIRES.minus(Duration.ofDays(30)).minus(SECOND))).contains(ExpiryThreshold.BEFORE_60);
        assertThat(due(EXPIRES.minus(Duration.ofDays(7)).minus(SECOND))).contains(ExpiryThreshold.BEFORE_30);
        assertThat(due(EXPIRES.minus(Duration.ofDays(3)).minus(SECOND))).contains(ExpiryThreshold.BEFORE_7);
        assertThat(due(EXPIRES.minus(SECOND))).contains(ExpiryThreshold.BEFORE_3);
    }

    /** A job down for weeks sends the most recent threshold passed, not the 90-, 60- and 30-day ones at once. */
    @Test
    void aLateJobSendsOnlyTheMostRecentThresholdPassed_K8() {
        assertThat(due(EXPIRES.minus(Duration.ofDays(20)))).contains(ExpiryThreshold.BEFORE_30);
        assertThat(due(EXPIRES.minus(Duration.ofDays(1)))).contains(ExpiryThreshold.BEFORE_3);
    }

    /** From the expiry on, a "before" reminder means nothing; the "after" one comes 7 days later. */
    @Test
    void betweenTheExpiryAndSevenDaysAfterNothingIsDue_K8() {
        assertThat(due(EXPIRES)).isEmpty();
        assertThat(due(EXPIRES.plus(Duration.ofDays(7)).minus(SECOND))).isEmpty();
        assertThat(due(EXPIRES.plus(Duration.ofDays(7)))).contains(ExpiryThreshold.AFTER_7);
    }

    @Test
    void theReminderAfterTheExpiryIsSentByALateJobUntilThirtyDaysAfterAndNotLater_K8() {
        assertThat(due(EXPIRES.plus(Duration.ofDays(30)).minus(SECOND))).contains(ExpiryThreshold.AFTER_7);
        assertThat(due(EXPIRES.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(due(EXPIRES.plus(Duration.ofDays(400)))).isEmpty();
    }

    /** A certificate issued 20 days before its expiry (a reissue late in the plan) starts with the 7-day reminder. */
    @Test
    void thresholdsAlreadyPassedWhenTheCertificateWasIssuedAreNeverDue_K8() {
        Instant reissued = EXPIRES.minus(Duration.ofDays(20));

        assertThat(ReminderSchedule.due(reissued, EXPIRES, reissued)).isEmpty();
        assertThat(ReminderSchedule.due(reissued, EXPIRES, EXPIRES.minus(Duration.ofDays(8))))
                .isEmpty();
        assertThat(ReminderSchedule.due(reissued, EXPIRES, EXPIRES.minus(Duration.ofDays(7))))
                .contains(ExpiryThreshold.BEFORE_7);
    }

    @Test
    void aThresholdOnTheSecondOfTheIssueIsStillAhead_K8() {
        Instant issuedOnThreshold = EXPIRES.minus(Duration.ofDays(30));

        assertThat(ReminderSchedule.due(issuedOnThreshold, EXPIRES, issuedOnThreshold))
                .contains(ExpiryThreshold.BEFORE_30);
        assertThat(ReminderSchedule.due(issuedOnThreshold.plus(SECOND), EXPIRES, issuedOnThreshold.plus(SECOND)))
                .isEmpty();
    }

    private static Optional<ExpiryThreshold> due(Instant now) {
        return ReminderSchedule.due(ISSUED, EXPIRES, now);
    }
}
