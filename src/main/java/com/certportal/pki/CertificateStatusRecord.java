package com.certportal.pki;

import java.time.Instant;
import java.util.Objects;

/**
 * D2: what the portal knows about a certificate it issued, as the OCSP responder reports it.
 *
 * @param revokedAt when the certificate was revoked, or null while it is good
 * @param reasonCode for a revoked certificate, its RFC 5280 CRLReason code, one of R2's five (0,
 *     1, 3, 4, 5); 0 (unspecified) is answered without a reason; ignored while good
 */
public record CertificateStatusRecord(Instant revokedAt, int reasonCode) {

    public CertificateStatusRecord {
        if (revokedAt == null) {
            reasonCode = CrlReasons.UNSPECIFIED;
        }
        CrlReasons.check(reasonCode);
    }

    /** Issued and not revoked (expired or not: the responder reports what the portal did, not the dates). */
    public static CertificateStatusRecord good() {
        return new CertificateStatusRecord(null, CrlReasons.UNSPECIFIED);
    }

    public static CertificateStatusRecord revoked(Instant revokedAt, int reasonCode) {
        return new CertificateStatusRecord(Objects.requireNonNull(revokedAt, "revokedAt"), reasonCode);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
