package com.certportal.revocation;

import com.certportal.order.OrderCommand;
import com.certportal.order.RevocationReason;

/** R5: ask support to revoke an order the portal cannot revoke; the note is required. */
public record AskSupportToRevoke(String orderNumber, RevocationReason reason, String note, long versionShown)
        implements OrderCommand {}
