package com.certportal.pki;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * D2: one revoked certificate as its issuing CA's CRL lists it.
 *
 * @param serial the certificate's serial number
 * @param revokedAt when the revocation took effect (the CRL keeps whole seconds)
 * @param reasonCode the RFC 5280 CRLReason code, one of R2's five (0, 1, 3, 4, 5); 0 (unspecified)
 *     is published without a reason
 * @param invalidityDate when the key is known or suspected to have become unusable, if the member
 *     said so; null otherwise
 */
public record RevokedEntry(BigInteger serial, Instant revokedAt, int reasonCode, Instant invalidityDate) {

    public RevokedEntry {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (serial.signum() <= 0) {
            throw new IllegalArgumentException("a serial number is positive (RFC 5280 4.1.2.2), not " + serial);
        }
        CrlReasons.check(reasonCode);
    }

    /** An entry without an invalidity date. */
    public RevokedEntry(BigInteger serial, Instant revokedAt, int reasonCode) {
        this(serial, revokedAt, reasonCode, null);
    }
}
