package com.certportal.mail;

import java.util.Locale;

public enum MailKind {
    /** C4: an OV order was cancelled. */
    CANCELLATION,
    /** A2: a revocation request was rejected. */
    REVOCATION_REJECTED,
    /** R5: a revocation only support can do. */
    SUPPORT_REVOCATION,
    /** O4: a new order request was rejected. */
    ORDER_REQUEST_REJECTED,
    /** V1: the one-time link that proves control of a name, to a constructed address of its domain. */
    DOMAIN_VALIDATION,
    /** M1: an invitation to become a member, with its one-time link. */
    INVITATION,
    /** K8: the order's current certificate expires in 90, 60, 30, 7 or 3 days. */
    EXPIRY_REMINDER,
    /** K8: the order's current certificate expired 7 days ago. */
    CERTIFICATE_EXPIRED;

    /**
     * V1, M1: the mail's body is a secret of its recipient (a validation or invitation link): once mail is really
     * delivered, the portal does not show it to the account that asked for the validation.
     */
    public boolean carriesSecret() {
        return this == DOMAIN_VALIDATION || this == INVITATION;
    }

    public String key() {
        return "mail.kind." + name().toLowerCase(Locale.ROOT);
    }
}
