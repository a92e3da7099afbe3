package com.certportal.validation;

import com.certportal.order.CertificateOrder;
import java.time.Instant;

/** V, I: everything a pending order needs is validated at {@code at}; issuance follows at once. */
public record OrderValidated(CertificateOrder order, Instant at) {}
