package com.certportal.ordering;

import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import java.time.Duration;
import java.time.Instant;

/**
 * K6, G (renewal timing): what the request form says about renewing {@code renewed} now. The usual time
 * to renew is within 30 days of the current certificate's expiry (seed section 4); renewing earlier
 * overlaps the two orders, which a reissue on the new order recovers without cancelling (K4, I3). While
 * the renewed order's own plan outlasts its certificate, a reissue of it (no charge) is what is needed,
 * not a renewal.
 *
 * @param currentExpiresAt the renewed order's current certificate's expiry, or null when it has none
 * @param daysLeft whole days until then (negative once it has expired)
 * @param early more than 30 days left: renewing now is early
 * @param usualFrom the start of the usual renewal time (30 days before the expiry)
 * @param planEndsAt the end of the renewed order's plan (I3)
 * @param planOutlastsCertificate the plan runs on after the current certificate: a reissue would do
 */
public record RenewalTiming(
        CertificateOrder renewed,
        Instant currentExpiresAt,
        long daysLeft,
        boolean early,
        Instant usualFrom,
        Instant planEndsAt,
        boolean planOutlastsCertificate) {

    /** G row 4: renew within 30 days before the expiry. */
    public static final Duration USUAL_RENEWAL_TIME = Duration.ofDays(30);

    public static RenewalTiming of(CertificateOrder renewed, Instant now) {
        Instant expires =
                renewed.currentCertificate().map(Certificate::getExpiresAt).orElse(null);
        Instant planEnds = renewed.planEndsAt(now);
        if (expires == null) {
            return new RenewalTiming(renewed, null, 0, false, null, planEnds, false);
        }
        long daysLeft = Math.floorDiv(Duration.between(now, expires).toSeconds(), 86_400);
        Instant usualFrom = expires.minus(USUAL_RENEWAL_TIME);
        return new RenewalTiming(
                renewed, expires, daysLeft, now.isBefore(usualFrom), usualFrom, planEnds, planEnds.isAfter(expires));
    }
}
