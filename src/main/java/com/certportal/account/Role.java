package com.certportal.account;

import java.util.Locale;

/** What a member of an account may see and do (RULES.md, Roles). */
public enum Role {
    ADMINISTRATOR,
    USER,
    FINANCE_MANAGER,
    /** V2: the CA's validation staff, in the CA operations area; never a member of a customer account. */
    VALIDATION_AGENT;

    /** A customer's member (any role but the CA's validation staff). */
    public boolean isCustomer() {
        return this != VALIDATION_AGENT;
    }

    /** A user sees the orders it requested; administrators and finance managers the whole account's. */
    public boolean seesWholeAccount() {
        return this == ADMINISTRATOR || this == FINANCE_MANAGER;
    }

    /** R6: only administrators may skip the additional approval. */
    public boolean mayRevokeImmediately() {
        return this == ADMINISTRATOR;
    }

    /** A2, O4: administrators approve and reject requests (new orders and revocations). */
    public boolean decidesRequests() {
        return this == ADMINISTRATOR;
    }

    /** Users and administrators act on orders; a finance manager only reads them. */
    public boolean actsOnOrders() {
        return this == ADMINISTRATOR || this == USER;
    }

    /** O4: an administrator's own order needs nobody's approval. */
    public boolean ordersWithoutApproval() {
        return this == ADMINISTRATOR;
    }

    /** O3: the finance manager (or an administrator) records that a bank transfer arrived. */
    public boolean recordsPayments() {
        return this == ADMINISTRATOR || this == FINANCE_MANAGER;
    }

    /** P2: finance managers (and administrators) see refund cases. */
    public boolean seesRefundCases() {
        return this == ADMINISTRATOR || this == FINANCE_MANAGER;
    }

    /** V2: organization validation is decided in the CA operations area by its agents. */
    public boolean validatesOrganizations() {
        return this == VALIDATION_AGENT;
    }

    /** M4: the account's settings (skip approval for new orders). */
    public boolean managesAccount() {
        return this == ADMINISTRATOR;
    }

    /** The mail the portal sent or queued for the whole account (a user reads its own orders' mail). */
    public boolean readsAccountMail() {
        return this == ADMINISTRATOR || this == FINANCE_MANAGER;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
