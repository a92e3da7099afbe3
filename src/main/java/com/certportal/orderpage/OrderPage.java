package com.certportal.orderpage;

import com.certportal.account.CurrentMember;
import com.certportal.approval.ApprovalRequest;
import com.certportal.audit.AuditRecord;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderAction;
import com.certportal.order.Reissue;
import com.certportal.pki.CertificateDetails;
import com.certportal.pki.DownloadFormat;
import com.certportal.pki.DownloadPlatform;
import com.certportal.refund.RefundCase;
import com.certportal.validation.OrderValidationState;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an order's page (or its quick view) shows, gathered from the features that know each part:
 * the order, the request waiting on it (a new order, O4, or a revocation, R7: "needs approval"), the
 * actions the domain allows now, and on the full page its validation (V4), history (T1) and refund
 * case (P2).
 */
public record OrderPage(
        CertificateOrder order,
        ApprovalRequest waitingRequest,
        Set<OrderAction> actions,
        OrderValidationState validation,
        List<AuditRecord> history,
        RefundCase refundCase,
        Map<String, CertificateDetails> certificateDetails,
        List<CertificateLine> lineage,
        boolean reissueCancelable,
        CurrentMember viewer) {

    /**
     * K7: one certificate of the order as the page shows it now: its status (valid, revocation pending,
     * revoked, expired) and whether it may be revoked alone (K1).
     */
    public record CertificateLine(Certificate certificate, Certificate.Lifecycle status, boolean revocableAlone) {}

    /** K4: the reissue waiting for validation, shown above the validation it waits for. */
    public Reissue waitingReissue() {
        return order.waitingReissue().orElse(null);
    }

    /** K6: whether the member may open a linked order (a renewal placed by a colleague may be hidden from a user). */
    public boolean visible(CertificateOrder other) {
        return other.isVisibleTo(viewer);
    }

    /** D1: what the certificate itself says, for the certificates that have their file. */
    public CertificateDetails details(String certificateId) {
        return certificateDetails.get(certificateId);
    }

    /** D1, K3: every format and platform a certificate downloads in. */
    public List<DownloadFormat> formats() {
        return List.of(DownloadFormat.values());
    }

    public List<DownloadPlatform> platforms() {
        return List.of(DownloadPlatform.values());
    }

    public boolean offers(String actionKey) {
        return actions.stream().anyMatch(a -> a.key().equals(actionKey));
    }

    /** C1: quick view offers only what may be done from it (never Cancel). */
    public boolean offersInQuickView(String actionKey) {
        return actions.stream()
                .filter(OrderAction::offeredInQuickView)
                .anyMatch(a -> a.key().equals(actionKey));
    }

    /**
     * Nothing in the Certificate actions menu (recording a payment is offered on the page itself; "Do I
     * need to cancel?" is always there, as help).
     */
    public boolean offersNothing() {
        return actions.stream().allMatch(a -> a == OrderAction.RECORD_PAYMENT);
    }
}
