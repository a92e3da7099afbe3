package com.certportal.reissue;

import com.certportal.order.DcvMethod;
import com.certportal.order.OrderCommand;

/**
 * K4: reissue the order with a new CSR (pasted, or uploaded as {@code csrFile}), extra SANs, the
 * domain validation method for names not validated recently (V3), a comment, and whether the current
 * key was compromised.
 */
public record RequestReissue(
        String orderNumber,
        String csr,
        byte[] csrFile,
        String sans,
        DcvMethod dcvMethod,
        String comment,
        boolean keyCompromised,
        long versionShown)
        implements OrderCommand {}
