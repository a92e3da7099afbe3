package com.certportal.catalog;

import java.time.Duration;
import java.time.Instant;

/**
 * I3: how long one certificate may live. A certificate ends at the earlier of the day's maximum
 * for its product and the end of the order's plan; a multi-year plan is covered by reissues, never
 * by a longer certificate.
 */
public final class CertificateLifetime {

    /** CA/Browser Forum SC-081, second step: TLS certificates issued from this instant get 99 days. */
    static final Instant TLS_99_DAYS_FROM = Instant.parse("2027-03-15T00:00:00Z");

    /** SC-081, third step: TLS certificates issued from this instant get 46 days. */
    static final Instant TLS_46_DAYS_FROM = Instant.parse("2029-03-15T00:00:00Z");

    private static final Duration TLS_UNTIL_2027 = Duration.ofDays(199);
    private static final Duration TLS_FROM_2027 = Duration.ofDays(99);
    private static final Duration TLS_FROM_2029 = Duration.ofDays(46);
    private static final Duration CODE_SIGNING = Duration.ofDays(459);
    private static final Duration PRIVATE = Duration.ofDays(397);

    /**
     * Document signing has no I3 figure of its own; it gets 397 days, the longest period the
     * organization validation it relies on may be reused for (V3), decided for I3.
     */
    private static final Duration DOCUMENT_SIGNING = Duration.ofDays(397);

    private CertificateLifetime() {}

    /**
     * I3: the longest validity a certificate of this product may get when issued at {@code at}.
     * The certificate runs from notBefore to notBefore + this duration; RFC 5280 counts both ends,
     * so TLS gets 199 days and one second, still inside SC-081's 200 days.
     */
    public static Duration maximumAt(Product product, Instant at) {
        return switch (product.family()) {
            case SERVER -> {
                if (at.isBefore(TLS_99_DAYS_FROM)) {
                    yield TLS_UNTIL_2027;
                }
                yield at.isBefore(TLS_46_DAYS_FROM) ? TLS_FROM_2027 : TLS_FROM_2029;
            }
            case CODE_SIGNING -> CODE_SIGNING;
            case DOCUMENT_SIGNING -> DOCUMENT_SIGNING;
            case PRIVATE -> PRIVATE;
        };
    }

    /** I3: the certificate ends at the day's maximum or at the end of the plan, whichever is first. */
    public static Instant notAfter(Product product, Instant issuedAt, Instant planEndsAt) {
        Instant longest = issuedAt.plus(maximumAt(product, issuedAt));
        return longest.isBefore(planEndsAt) ? longest : planEndsAt;
    }
}
