package com.certportal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** I3: the day's maximum per product, on both sides of each SC-081 step to the second. */
class CertificateLifetimeTest {

    private static final Instant STEP_2027 = Instant.parse("2027-03-15T00:00:00Z");
    private static final Instant STEP_2029 = Instant.parse("2029-03-15T00:00:00Z");
    private static final Instant FAR_PLAN_END = Instant.parse("2035-01-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(names = {"TLS_DV", "TLS_OV", "TLS_EV"})
    void tlsGets199DaysUntilTheSecondBefore2027March15(Product product) {
        assertThat(CertificateLifetime.maximumAt(product, STEP_2027.minusSeconds(1)))
                .isEqualTo(Duration.ofDays(199));
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS_DV", "TLS_OV", "TLS_EV"})
    void tlsGets99DaysFrom2027March15ToTheSecondBefore2029March15(Product product) {
        assertThat(CertificateLifetime.maximumAt(product, STEP_2027)).isEqualTo(Duration.ofDays(99));
        assertThat(CertificateLifetime.maximumAt(product, STEP_2029.minusSeconds(1)))
                .isEqualTo(Duration.ofDays(99));
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS_DV", "TLS_OV", "TLS_EV"})
    void tlsGets46DaysFrom2029March15(Product product) {
        assertThat(CertificateLifetime.maximumAt(product, STEP_2029)).isEqualTo(Duration.ofDays(46));
        assertThat(CertificateLifetime.maximumAt(product, Instant.parse("2040-01-01T00:00:00Z")))
                .isEqualTo(Duration.ofDays(46));
    }

    @ParameterizedTest
    @EnumSource(names = {"CODE_SIGNING", "EV_CODE_SIGNING"})
    void codeSigningGets459DaysOnEitherSideOfTheTlsSteps(Product product) {
        for (Instant at : new Instant[] {STEP_2027.minusSeconds(1), STEP_2027, STEP_2029.minusSeconds(1), STEP_2029}) {
            assertThat(CertificateLifetime.maximumAt(product, at)).isEqualTo(Duration.ofDays(459));
        }
    }

    @Test
    void privateAndDocumentSigningGet397DaysOnEitherSideOfTheTlsSteps() {
        for (Instant at : new Instant[] {STEP_2027.minusSeconds(1), STEP_2027, STEP_2029.minusSeconds(1), STEP_2029}) {
            assertThat(CertificateLifetime.maximumAt(Product.PRIVATE, at)).isEqualTo(Duration.ofDays(397));
            assertThat(CertificateLifetime.maximumAt(Product.DOCUMENT_SIGNING, at))
                    .isEqualTo(Duration.ofDays(397));
        }
    }

    @Test
    void aCertificateIssuedTheSecondBeforeTheStepKeeps199DaysAndOneIssuedAtTheStepGets99() {
        Instant before = STEP_2027.minusSeconds(1);
        assertThat(CertificateLifetime.notAfter(Product.TLS_DV, before, FAR_PLAN_END))
                .isEqualTo(before.plus(Duration.ofDays(199)));
        assertThat(CertificateLifetime.notAfter(Product.TLS_DV, STEP_2027, FAR_PLAN_END))
                .isEqualTo(STEP_2027.plus(Duration.ofDays(99)));
        assertThat(CertificateLifetime.notAfter(Product.TLS_DV, STEP_2029.minusSeconds(1), FAR_PLAN_END))
                .isEqualTo(STEP_2029.minusSeconds(1).plus(Duration.ofDays(99)));
        assertThat(CertificateLifetime.notAfter(Product.TLS_DV, STEP_2029, FAR_PLAN_END))
                .isEqualTo(STEP_2029.plus(Duration.ofDays(46)));
    }

    /** I3: the plan's end wins when it comes first, to the second; the maximum wins otherwise. */
    @Test
    void theCertificateEndsWithThePlanWhenThePlanEndsFirst() {
        Instant issued = Instant.parse("2026-12-01T09:30:00Z");
        Instant maximum = issued.plus(Duration.ofDays(199));

        assertThat(CertificateLifetime.notAfter(Product.TLS_OV, issued, maximum.minusSeconds(1)))
                .isEqualTo(maximum.minusSeconds(1));
        assertThat(CertificateLifetime.notAfter(Product.TLS_OV, issued, maximum))
                .isEqualTo(maximum);
        assertThat(CertificateLifetime.notAfter(Product.TLS_OV, issued, maximum.plusSeconds(1)))
                .isEqualTo(maximum);
    }

    @Test
    void aThreeYearCodeSigningPlanGetsA459DayCertificate() {
        Instant issued = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(CertificateLifetime.notAfter(Product.CODE_SIGNING, issued, issued.plus(Duration.ofDays(3 * 365))))
                .isEqualTo(issued.plus(Duration.ofDays(459)));
    }
}
