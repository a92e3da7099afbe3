package com.certportal.validation;

import com.certportal.order.CertificateOrder;
import java.time.Instant;

/** K4, V: everything the order's waiting reissue needs is validated at {@code at}; it is issued at once. */
public record ReissueValidated(CertificateOrder order, Instant at) {}
