package com.certportal.pki;

import java.util.Set;

/**
 * R2: the RFC 5280 CRLReason codes the portal revokes with, and how CRLs and OCSP responses carry
 * them. Unspecified (0) is carried by leaving the reason out (CA/B Forum Baseline Requirements
 * 7.2.2); the other four are written as they are.
 */
final class CrlReasons {

    static final int UNSPECIFIED = 0;

    /** unspecified, keyCompromise, affiliationChanged, superseded, cessationOfOperation. */
    private static final Set<Integer> PORTAL_REASONS = Set.of(UNSPECIFIED, 1, 3, 4, 5);

    private CrlReasons() {}

    /** A code R2 does not list is a bug in the caller, never something to publish. */
    static int check(int reasonCode) {
        if (!PORTAL_REASONS.contains(reasonCode)) {
            throw new IllegalArgumentException(
                    "CRLReason " + reasonCode + " is not one of R2's five reasons (0, 1, 3, 4, 5)");
        }
        return reasonCode;
    }

    /** R2: whether the reason is written at all. */
    static boolean encoded(int reasonCode) {
        return reasonCode != UNSPECIFIED;
    }
}
