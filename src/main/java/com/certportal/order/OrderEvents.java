package com.certportal.order;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.Audited;
import java.time.Instant;

/**
 * What happened to an order, in the past tense. Refund routing and mail react to these; the trail
 * records each of them. They hold the order itself, so that its id is read after it was saved.
 */
public final class OrderEvents {

    private OrderEvents() {}

    static AuditEntry entry(AuditAction action, CertificateOrder order, Long actorId, Instant at) {
        return AuditEntry.of(action, at)
                .order(order.getAccountId(), order.getId(), order.getOrderNumber())
                .actor(actorId);
    }

    public record OrderPlaced(CertificateOrder order, Long actorId, Instant at) implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.ORDER_PLACED, order, actorId, at).move(null, OrderStatus.PENDING);
        }
    }

    public record OrderIssued(CertificateOrder order, Certificate certificate, Instant at) implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.ORDER_ISSUED, order, null, at)
                    .move(OrderStatus.PENDING, OrderStatus.ISSUED)
                    .detail(certificate.getCertificateId());
        }
    }

    /** K4: a reissue was issued; K2: {@code superseded} are the certificates now due for revocation. */
    public record CertificateReissued(
            CertificateOrder order, Certificate certificate, java.util.List<String> superseded, Instant at)
            implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.CERTIFICATE_REISSUED, order, null, at).detail(certificate.getCertificateId());
        }
    }

    /** K4: a reissue was asked for; it waits for its names' validation. */
    public record ReissueRequested(CertificateOrder order, Reissue reissue, Long actorId, Instant at)
            implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.REISSUE_REQUESTED, order, actorId, at)
                    .comment(reissue.getComment())
                    .detail(String.join(" ", reissue.getSubjectAltNames()));
        }
    }

    /** K4: a waiting reissue was cancelled; the order is as it was. */
    public record ReissueCanceled(CertificateOrder order, Reissue reissue, Long actorId, Instant at)
            implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.REISSUE_CANCELED, order, actorId, at);
        }
    }

    /** K5: a duplicate was issued. */
    public record CertificateDuplicated(
            CertificateOrder order, Certificate certificate, Long actorId, String comment, Instant at)
            implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.CERTIFICATE_DUPLICATED, order, actorId, at)
                    .comment(comment)
                    .detail(certificate.getCertificateId());
        }
    }

    /**
     * K1: one certificate was revoked (by a member, or approved); K2: superseded by a reissue, by the
     * background job (no actor). The order stays issued.
     */
    public record CertificateRevoked(
            CertificateOrder order,
            Certificate certificate,
            Long actorId,
            RevocationReason reason,
            String comment,
            Instant at)
            implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.CERTIFICATE_REVOKED, order, actorId, at)
                    .move(Certificate.Status.VALID, Certificate.Status.REVOKED)
                    .reason(reason.key())
                    .comment(comment)
                    .detail(certificate.getCertificateId());
        }
    }

    public record OrderCanceled(CertificateOrder order, Long actorId, Instant at) implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.ORDER_CANCELED, order, actorId, at)
                    .move(OrderStatus.PENDING, OrderStatus.CANCELED);
        }
    }

    /** R3: {@code treatedAsCancellation} was judged on {@code submittedAt}, not on {@code at}. */
    public record OrderRevoked(
            CertificateOrder order,
            Long actorId,
            RevocationReason reason,
            String comment,
            Instant submittedAt,
            Instant at,
            boolean treatedAsCancellation)
            implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.ORDER_REVOKED, order, actorId, at)
                    .move(OrderStatus.ISSUED, OrderStatus.REVOKED)
                    .reason(reason.key())
                    .comment(comment)
                    .detail(treatedAsCancellation ? "treated-as-cancellation" : "revocation-only");
        }
    }

    public record SupportRevocationRequested(
            CertificateOrder order, Long actorId, RevocationReason reason, String note, Instant at) implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.SUPPORT_REVOCATION_REQUESTED, order, actorId, at)
                    .reason(reason.key())
                    .comment(note);
        }
    }

    /** O4: a user's order waits for approval (the request records it in the trail). */
    public record OrderRequested(CertificateOrder order, Long actorId, Instant at) {}

    /** O4, O5: the request was approved and the order placed (the request records it in the trail). */
    public record OrderApproved(CertificateOrder order, Long actorId, Instant at) {}

    /** O4: the request was rejected or withdrawn; what it reserved was released. */
    public record OrderRequestClosed(CertificateOrder order, Long actorId, OrderStatus outcome, Instant at) {}

    /** G: a voucher code was registered on the order; its licence count went from {@code before} to {@code after}. */
    public record VoucherRegistered(
            CertificateOrder order, Long actorId, String voucherCode, int before, int after, Instant at)
            implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.VOUCHER_REGISTERED, order, actorId, at)
                    .detail(voucherCode + ": " + before + " → " + after);
        }
    }

    /** O3: a bank transfer arrived. */
    public record PaymentRecorded(CertificateOrder order, Long actorId, Instant at) implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.PAYMENT_RECORDED, order, actorId, at);
        }
    }
}
