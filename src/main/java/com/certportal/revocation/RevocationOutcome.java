package com.certportal.revocation;

import com.certportal.order.CertificateOrder;

/**
 * What a revocation submission led to: the order revoked at once (administrator, "immediately"),
 * or a request that needs approval.
 */
public record RevocationOutcome(CertificateOrder order, RevocationRequest request) {

    public boolean revokedImmediately() {
        return request == null;
    }
}
