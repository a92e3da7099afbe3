package com.certportal.reissue;

import com.certportal.order.OrderCommand;

/** K5: another certificate for the current certificate's names, for the key of this CSR. */
public record DuplicateCertificate(String orderNumber, String csr, byte[] csrFile, String comment, long versionShown)
        implements OrderCommand {}
