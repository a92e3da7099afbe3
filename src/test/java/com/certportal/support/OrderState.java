package com.certportal.support;

import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderStatus;
import com.certportal.order.Payment;
import com.certportal.order.RefundRoute;
import com.certportal.order.RevocationReason;
import com.certportal.token.HardwareToken;
import com.certportal.voucher.Voucher;
import java.time.Instant;
import java.util.List;

/**
 * What a stored order looks like, read in one transaction ({@code fixtures.withOrder(n, OrderState::of)})
 * so that tests compare plain values before and after an action.
 */
public record OrderState(
        Long id,
        String orderNumber,
        Long accountId,
        String requesterEmail,
        OrderStatus status,
        long version,
        Instant firstIssuedAt,
        Instant revokedAt,
        boolean treatedAsCancellation,
        RefundRoute refundRoute,
        boolean hardwareTokenKeptForReuse,
        RevocationReason supportRevocationReason,
        String supportRevocationNote,
        Instant supportRevocationRequestedAt,
        List<Certificate.Status> certificateStatuses,
        Voucher.Status voucherStatus,
        String voucherCode,
        Integer unitLicencesAvailable,
        HardwareToken.Status tokenStatus) {

    public static OrderState of(CertificateOrder order) {
        Payment payment = order.getPayment();
        return new OrderState(
                order.getId(),
                order.getOrderNumber(),
                order.getAccountId(),
                order.getRequester().getEmail(),
                order.getStatus(),
                order.getVersion(),
                order.getFirstIssuedAt(),
                order.getRevokedAt(),
                order.isTreatedAsCancellation(),
                order.getRefundRoute(),
                order.isHardwareTokenKeptForReuse(),
                order.getSupportRevocationReason(),
                order.getSupportRevocationNote(),
                order.getSupportRevocationRequestedAt(),
                order.getCertificates().stream().map(Certificate::getStatus).toList(),
                payment.getVoucher() == null ? null : payment.getVoucher().getStatus(),
                payment.getVoucher() == null ? null : payment.getVoucher().getCode(),
                payment.getEnterpriseUnit() == null
                        ? null
                        : payment.getEnterpriseUnit().getLicencesAvailable(),
                payment.getHardwareToken() == null
                        ? null
                        : payment.getHardwareToken().getStatus());
    }
}
