package com.certportal.account;

import java.util.Locale;

/** What a member of an account may see and do (RULES.md, Roles). */
public enum Role {
    ADMINISTRATOR,
    USER,
    FINANCE_MANAGER;

    /** A user sees the orders it requested; the other roles see the whole account's. */
    public boolean seesWholeAccount() {
        return this != USER;
    }

    /** R6: only administrators may skip the additional approval. */
    public boolean mayRevokeImmediately() {
        return this == ADMINISTRATOR;
    }

    /** A2: administrators approve and reject revocation requests. */
    public boolean decidesRevocations() {
        return this == ADMINISTRATOR;
    }

    /** Users and administrators act on orders; a finance manager only reads them. */
    public boolean actsOnOrders() {
        return this != FINANCE_MANAGER;
    }

    /** P2: finance managers (and administrators) see refund cases. */
    public boolean seesRefundCases() {
        return this != USER;
    }

    /** The account's mail (what the portal sent or queued), for administrators. */
    public boolean readsAccountMail() {
        return this == ADMINISTRATOR;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
