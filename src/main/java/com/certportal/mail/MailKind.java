package com.certportal.mail;

import java.util.Locale;

public enum MailKind {
    /** C4: an OV order was cancelled. */
    CANCELLATION,
    /** A2: a revocation request was rejected. */
    REVOCATION_REJECTED,
    /** R5: a revocation only support can do. */
    SUPPORT_REVOCATION,
    /** M1: an invitation to become a member, with its one-time link. */
    INVITATION;

    public String key() {
        return "mail.kind." + name().toLowerCase(Locale.ROOT);
    }
}
