package com.certportal.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * V3: how long a completed validation is reused for the account, so a reissue or a new order for a
 * validated name is not validated again. The periods follow Baseline Requirements SC-081 (one day
 * inside each of its limits) and are judged at the instant of issuance: the same validation may be
 * reusable for an issuance on 2027-03-14 and not for one on 2027-03-15.
 */
public final class ValidationReuse {

    /** SC-081 step: domain reuse shrinks from 199 to 99 days. */
    public static final Instant DOMAIN_REUSE_99_DAYS_FROM = Instant.parse("2027-03-15T00:00:00Z");

    /** SC-081 step: domain reuse shrinks from 99 to 9 days. */
    public static final Instant DOMAIN_REUSE_9_DAYS_FROM = Instant.parse("2029-03-15T00:00:00Z");

    private static final Duration ORGANIZATION_REUSE = Duration.ofDays(397);

    private ValidationReuse() {}

    /** How long a domain validation may be reused by an issuance at {@code at} (V3). */
    public static Duration domainReuse(Instant at) {
        Objects.requireNonNull(at, "at");
        if (at.isBefore(DOMAIN_REUSE_99_DAYS_FROM)) {
            return Duration.ofDays(199);
        }
        if (at.isBefore(DOMAIN_REUSE_9_DAYS_FROM)) {
            return Duration.ofDays(99);
        }
        return Duration.ofDays(9);
    }

    /** How long an organization validation may be reused by an issuance at {@code at} (V3). */
    public static Duration organizationReuse(Instant at) {
        Objects.requireNonNull(at, "at");
        return ORGANIZATION_REUSE;
    }

    /**
     * Whether a domain validated at {@code validatedAt} still backs an issuance at {@code at}: the
     * period is inclusive to the instant. A validation dated after {@code at} backs nothing, since an
     * issuance cannot rest on evidence gathered after it.
     */
    public static boolean domainStillValid(Instant validatedAt, Instant at) {
        return stillValid(validatedAt, at, domainReuse(at));
    }

    /** Whether an organization validated at {@code validatedAt} still backs an issuance at {@code at}. */
    public static boolean organizationStillValid(Instant validatedAt, Instant at) {
        return stillValid(validatedAt, at, organizationReuse(at));
    }

    private static boolean stillValid(Instant validatedAt, Instant at, Duration reuse) {
        Objects.requireNonNull(validatedAt, "validatedAt");
        return !validatedAt.isAfter(at) && !validatedAt.plus(reuse).isBefore(at);
    }
}
