package com.certportal.audit;

import java.util.Locale;

/** What happened (or was refused), in the order's history. */
public enum AuditAction {
    ORDER_PLACED,
    ORDER_ISSUED,
    CERTIFICATE_REISSUED,
    /** K4: a reissue was asked for and waits for validation. */
    REISSUE_REQUESTED,
    /** K4: a waiting reissue was cancelled. */
    REISSUE_CANCELED,
    /** K5: a duplicate certificate was issued. */
    CERTIFICATE_DUPLICATED,
    /** K1, K2: one certificate of an order was revoked; the order stays issued. */
    CERTIFICATE_REVOKED,
    ORDER_CANCELED,
    REVOCATION_REQUESTED,
    REVOCATION_APPROVED,
    REVOCATION_REJECTED,
    REVOCATION_WITHDRAWN,
    ORDER_REQUESTED,
    ORDER_REQUEST_APPROVED,
    ORDER_REQUEST_REJECTED,
    ORDER_REQUEST_WITHDRAWN,
    PAYMENT_RECORDED,
    ACCOUNT_SETTINGS_CHANGED,
    DOMAIN_VALIDATION_STARTED,
    DOMAIN_VALIDATION_CHECKED,
    DOMAIN_VALIDATED,
    ORGANIZATION_VALIDATION_REQUESTED,
    ORGANIZATION_VALIDATED,
    ORGANIZATION_VALIDATION_REJECTED,
    ORDER_REVOKED,
    SUPPORT_REVOCATION_REQUESTED,
    REFUND_ROUTED,
    REFUND_CASE_CONTACTED,
    REFUND_CASE_REFUNDED,
    /** A request the security layer refused (a missing CSRF token, a page the role may not use). */
    ACCESS_DENIED,
    /** M3: a member's sign-in with a wrong password. */
    SIGN_IN_FAILED,
    /** M3: a member's sign-in refused unchecked, while its email or address waits. */
    SIGN_IN_THROTTLED,
    /** M1: an administrator invited someone, with a role. */
    MEMBER_INVITED,
    /** M1: the invited person set a password and became a member. */
    INVITATION_ACCEPTED,
    /** M1: an administrator changed a member's role (from, to). */
    MEMBER_ROLE_CHANGED,
    /** M1: an administrator deactivated a member. */
    MEMBER_DEACTIVATED,
    /** M2: a member changed its own password. */
    PASSWORD_CHANGED,
    /** G: a voucher code added licences to a voucher order. */
    VOUCHER_REGISTERED,
    /** K8: an expiry reminder was written to the outbox for the order's current certificate. */
    EXPIRY_REMINDER_SENT,
    /** M4: an administrator changed who receives expiry reminders. */
    REMINDER_RECIPIENTS_CHANGED;

    public String key() {
        return "audit.action." + name().toLowerCase(Locale.ROOT);
    }
}
