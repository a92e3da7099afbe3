package com.certportal.revocation;

import com.certportal.order.RevocationReason;

/**
 * K1, R2, R6: revoke one certificate of an order for {@code reason}, at once if an administrator asks
 * to skip approval, otherwise as a request that waits for one. The version is the order's, as shown.
 */
public record SubmitCertificateRevocation(
        String certificateId, RevocationReason reason, String comment, boolean skipApproval, long versionShown) {}
