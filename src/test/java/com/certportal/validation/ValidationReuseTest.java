package com.certportal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** V3: reuse periods judged at the issuance instant, inclusive, to the second. */
class ValidationReuseTest {

    private static final Instant STEP_99 = Instant.parse("2027-03-15T00:00:00Z");
    private static final Instant STEP_9 = Instant.parse("2029-03-15T00:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void domainReuseIs199DaysUntil2027March15Then99ThenFrom2029March15Nine() {
        assertThat(ValidationReuse.domainReuse(Instant.parse("2026-12-01T00:00:00Z")))
                .isEqualTo(Duration.ofDays(199));
        assertThat(ValidationReuse.domainReuse(STEP_99.minus(SECOND))).isEqualTo(Duration.ofDays(199));
        assertThat(ValidationReuse.domainReuse(STEP_99)).isEqualTo(Duration.ofDays(99));
        assertThat(ValidationReuse.domainReuse(STEP_9.minus(SECOND))).isEqualTo(Duration.ofDays(99));
        assertThat(ValidationReuse.domainReuse(STEP_9)).isEqualTo(Duration.ofDays(9));
        assertThat(ValidationReuse.domainReuse(Instant.parse("2035-01-01T00:00:00Z")))
                .isEqualTo(Duration.ofDays(9));
    }

    @Test
    void organizationReuseIs397DaysWhateverTheDate() {
        assertThat(ValidationReuse.organizationReuse(Instant.parse("2026-12-01T00:00:00Z")))
                .isEqualTo(Duration.ofDays(397));
        assertThat(ValidationReuse.organizationReuse(STEP_9)).isEqualTo(Duration.ofDays(397));
    }

    @Test
    void domainValidated199DaysBeforeIssuanceIsReusedAndOneSecondMoreIsNot() {
        Instant issuance = Instant.parse("2026-12-01T09:30:00Z");
        Instant validatedAt = issuance.minus(Duration.ofDays(199));

        assertThat(ValidationReuse.domainStillValid(validatedAt, issuance)).isTrue();
        assertThat(ValidationReuse.domainStillValid(validatedAt.minus(SECOND), issuance))
                .isFalse();
        assertThat(ValidationReuse.domainStillValid(validatedAt, issuance.plus(SECOND)))
                .isFalse();
    }

    @Test
    void domainValidated99DaysBeforeAnIssuanceAfterTheFirstStepIsReusedAndOneSecondMoreIsNot() {
        Instant issuance = Instant.parse("2028-06-01T00:00:00Z");
        Instant validatedAt = issuance.minus(Duration.ofDays(99));

        assertThat(ValidationReuse.domainStillValid(validatedAt, issuance)).isTrue();
        assertThat(ValidationReuse.domainStillValid(validatedAt.minus(SECOND), issuance))
                .isFalse();
    }

    @Test
    void domainValidated9DaysBeforeAnIssuanceAfterTheSecondStepIsReusedAndOneSecondMoreIsNot() {
        Instant issuance = Instant.parse("2029-04-01T12:00:00Z");
        Instant validatedAt = issuance.minus(Duration.ofDays(9));

        assertThat(ValidationReuse.domainStillValid(validatedAt, issuance)).isTrue();
        assertThat(ValidationReuse.domainStillValid(validatedAt.minus(SECOND), issuance))
                .isFalse();
    }

    @Test
    void theSameDomainValidationBacksAnIssuanceJustBefore2027March15ButNotJustAfter() {
        Instant validatedAt = STEP_99.minus(Duration.ofDays(150));

        assertThat(ValidationReuse.domainStillValid(validatedAt, STEP_99.minus(SECOND)))
                .isTrue();
        assertThat(ValidationReuse.domainStillValid(validatedAt, STEP_99)).isFalse();
    }

    @Test
    void theSameDomainValidationBacksAnIssuanceJustBefore2029March15ButNotJustAfter() {
        Instant validatedAt = STEP_9.minus(Duration.ofDays(50));

        assertThat(ValidationReuse.domainStillValid(validatedAt, STEP_9.minus(SECOND)))
                .isTrue();
        assertThat(ValidationReuse.domainStillValid(validatedAt, STEP_9)).isFalse();
    }

    @Test
    void organizationValidated397DaysBeforeIssuanceIsReusedAndOneSecondMoreIsNot() {
        Instant issuance = Instant.parse("2029-04-01T12:00:00Z");
        Instant validatedAt = issuance.minus(Duration.ofDays(397));

        assertThat(ValidationReuse.organizationStillValid(validatedAt, issuance))
                .isTrue();
        assertThat(ValidationReuse.organizationStillValid(validatedAt.minus(SECOND), issuance))
                .isFalse();
    }

    @Test
    void aValidationAtTheIssuanceInstantIsReusedButOneAfterItBacksNothing() {
        Instant issuance = Instant.parse("2026-12-01T00:00:00Z");

        assertThat(ValidationReuse.domainStillValid(issuance, issuance)).isTrue();
        assertThat(ValidationReuse.domainStillValid(issuance.plus(SECOND), issuance))
                .isFalse();
        assertThat(ValidationReuse.organizationStillValid(issuance.plus(SECOND), issuance))
                .isFalse();
    }
}
