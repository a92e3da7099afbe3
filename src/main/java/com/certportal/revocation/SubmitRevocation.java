package com.certportal.revocation;

import com.certportal.order.OrderCommand;
import com.certportal.order.RevocationReason;

/**
 * R2, R6: revoke the order for {@code reason}, at once if an administrator asks to skip approval,
 * otherwise as a request that waits for one. The comment is checked by the service (its length).
 */
public record SubmitRevocation(
        String orderNumber, RevocationReason reason, String comment, boolean skipApproval, long versionShown)
        implements OrderCommand {}
