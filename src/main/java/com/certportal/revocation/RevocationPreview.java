package com.certportal.revocation;

import com.certportal.order.CertificateOrder;
import com.certportal.order.RefundRoute;
import java.time.Instant;

/**
 * R4: what submitting a revocation now would lead to, stated before the member submits: treated as a
 * cancellation with refund routing, or revocation only; and the deadline that decides it.
 */
public record RevocationPreview(
        boolean treatedAsCancellation, Instant refundDeadline, RefundRoute refundRoute, boolean hardwareTokenKept) {

    public static RevocationPreview of(CertificateOrder order, Instant submittedAt) {
        boolean inWindow = order.isWithinCancellationWindow(submittedAt);
        return new RevocationPreview(
                inWindow,
                order.refundDeadline(),
                inWindow ? RefundRoute.forPayment(order.getPayment()) : null,
                inWindow && order.getPayment().hasHardwareToken());
    }
}
