package com.certportal.change;

import com.certportal.account.Role;
import com.certportal.change.ChangeAdvice.Line;
import com.certportal.change.ChangeAdvice.Offer;
import com.certportal.change.ChangeAdvice.Remedy;
import com.certportal.change.ChangeAdvice.Unavailable;
import com.certportal.change.ChangeAdvice.Verdict;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderAction;
import com.certportal.order.OrderStatus;
import com.certportal.order.PaymentMethod;
import com.certportal.order.RefundRoute;
import com.certportal.order.RequestType;
import com.certportal.ordering.RenewalTiming;
import com.certportal.revocation.RevocationPreview;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * G, seed sections 4 to 6: "Do I need to cancel?" answered for one order as it is now and for the member
 * asking. The table's answer holds for an issued order; a pending order is cancelled (free, C3) where an
 * issued one would be revoked (R3: a cancellation only within 30 days of the first issue), a request not
 * approved yet has placed nothing, and a closed order changes no more. Every action offered is one the
 * domain allows this member on this order (the Certificate actions); one that would answer the wish but
 * is not possible is named with the reason.
 */
public final class ChangeAdvisor {

    private final CertificateOrder order;
    private final ChangeWish wish;
    private final Role role;
    private final boolean revocationWaiting;
    private final Instant now;
    private final Set<OrderAction> actions;

    private final List<Line> lines = new ArrayList<>();
    private final List<Offer> offers = new ArrayList<>();
    private final List<Unavailable> unavailable = new ArrayList<>();
    private RevocationPreview revocationPreview;

    private ChangeAdvisor(CertificateOrder order, ChangeWish wish, Role role, boolean revocationWaiting, Instant now) {
        this.order = order;
        this.wish = wish;
        this.role = role;
        this.revocationWaiting = revocationWaiting;
        this.now = now;
        this.actions = order.actionsFor(role, revocationWaiting);
    }

    /**
     * @param revocationWaiting R7: a revocation request of the order waits for approval
     * @param now the instant the 30-day outcome of a revocation is judged on (R3, R4)
     */
    public static ChangeAdvice advise(
            CertificateOrder order, ChangeWish wish, Role role, boolean revocationWaiting, Instant now) {
        return new ChangeAdvisor(order, wish, role, revocationWaiting, now).advice();
    }

    private ChangeAdvice advice() {
        Verdict verdict = verdict();
        if (!role.actsOnOrders()) {
            lines.add(Line.of("change.read-only", order.getOrderNumber()));
        }
        return new ChangeAdvice(wish, verdict, lines, offers, unavailable, revocationPreview);
    }

    private Verdict verdict() {
        OrderStatus status = order.getStatus();
        if (status == OrderStatus.NEEDS_APPROVAL) {
            lines.add(Line.of("change.not-placed", order.getOrderNumber()));
            return Verdict.NOT_PLACED;
        }
        if (status != OrderStatus.PENDING && status != OrderStatus.ISSUED) {
            lines.add(Line.of("change.closed", order.getOrderNumber(), "status." + status.key()));
            offer(Remedy.ORDER_AGAIN);
            return Verdict.CLOSED;
        }
        return switch (wish) {
            case PAYMENT_METHOD -> payment();
            case REQUEST_TYPE -> orderAgain("change.request-type.why", true);
            case PRODUCT_OR_YEARS -> orderAgain("change.product.why", false);
            case RENEWAL_TIMING -> renewalTiming();
            case COMMON_NAME -> commonName();
            case SERVER_PLATFORM -> serverPlatform();
            case LICENCES -> licences();
        };
    }

    /** G row 1: the method is fixed at placement; seed section 5 has notes for bank transfer to voucher. */
    private Verdict payment() {
        Verdict verdict = orderAgain("change.payment.why", true);
        if (order.getPayment().getMethod() == PaymentMethod.BANK_TRANSFER) {
            lines.add(Line.of("change.payment.bank-transfer"));
        }
        lines.add(Line.of("change.payment.voucher-code"));
        return verdict;
    }

    /**
     * G rows 1 to 3: cancel and order again. Seed section 1: for a payment method or request type done
     * wrong, the revocation reason is "unspecified".
     */
    private Verdict orderAgain(String why, boolean unspecifiedReason) {
        lines.add(Line.of(why));
        cancelOrRevoke(unspecifiedReason);
        offer(Remedy.ORDER_AGAIN);
        return cancelledOrRevoked();
    }

    /** The "yes" of the table for this order: a pending order is cancelled, an issued one revoked. */
    private Verdict cancelledOrRevoked() {
        return order.isPending() ? Verdict.YES : Verdict.REVOKE;
    }

    /** G row 4: a renewal made too early is recovered by a reissue, never by a cancellation (K4, I3). */
    private Verdict renewalTiming() {
        String number = order.getOrderNumber();
        Optional<CertificateOrder> renewal = order.activeRenewal();
        if (renewal.isPresent()) {
            CertificateOrder renewedBy = renewal.get();
            lines.add(Line.of("change.timing.renewed-by", number, renewedBy.getOrderNumber()));
            if (renewedBy.isIssued()) {
                offerReissue(renewedBy);
            } else {
                lines.add(Line.of("change.timing.renewal-not-issued", renewedBy.getOrderNumber()));
            }
            return Verdict.NO;
        }
        if (order.isPending() && order.getRequestType() == RequestType.RENEWAL) {
            lines.add(Line.of("change.timing.pending-renewal", number));
            cancelOrRevoke(false);
            return Verdict.NO;
        }
        if (order.isPending()) {
            lines.add(Line.of("change.timing.pending-new", number));
            return Verdict.NO;
        }
        if (order.getRequestType() == RequestType.RENEWAL) {
            lines.add(Line.of("change.timing.this-renewal", number, order.planEndsAt(now)));
            offerReissue(order);
            lines.add(Line.of("change.timing.cancel-only-to-wait"));
            cancelOrRevoke(false);
            return Verdict.NO;
        }
        RenewalTiming timing = RenewalTiming.of(order, now);
        if (timing.currentExpiresAt() != null) {
            lines.add(Line.of("change.timing.renew-when", number, timing.currentExpiresAt(), timing.usualFrom()));
        }
        if (timing.planOutlastsCertificate()) {
            lines.add(Line.of("change.timing.plan-outlasts", number, timing.planEndsAt()));
            offerReissue(order);
        }
        lines.add(Line.of("change.timing.early-is-fine"));
        offer(Remedy.RENEW);
        return Verdict.NO;
    }

    /** G row 5, seed section 6: reissue; K2: the original is revoked 48 to 72 hours later. */
    private Verdict commonName() {
        if (order.isPending()) {
            lines.add(Line.of("change.common-name.pending", order.getOrderNumber()));
            cancelOrRevoke(false);
            offer(Remedy.ORDER_AGAIN);
            return Verdict.YES;
        }
        lines.add(Line.of("change.common-name.reissue"));
        lines.add(Line.of("change.common-name.original-revoked"));
        lines.add(Line.of("change.common-name.at-renewal"));
        offerReissue(order);
        return Verdict.NO;
    }

    /** G row 6, K3: another platform's format is a download. */
    private Verdict serverPlatform() {
        Optional<Certificate> current = order.currentCertificate();
        if (current.isEmpty()) {
            lines.add(Line.of("change.platform.not-issued"));
            return Verdict.NO;
        }
        lines.add(Line.of("change.platform.download"));
        offers.add(
                new Offer(Remedy.DOWNLOAD, order.getOrderNumber(), current.get().getCertificateId(), List.of()));
        return Verdict.NO;
    }

    /** G row 7: a voucher order takes another voucher code; other payments cannot change their licences. */
    private Verdict licences() {
        if (order.getPayment().isPaidByVoucher()) {
            lines.add(Line.of("change.licences.voucher", order.getPayment().getLicences()));
            offer(Remedy.REGISTER_VOUCHER);
            return Verdict.NOT_IF_VOUCHER;
        }
        unavailable.add(new Unavailable(
                Remedy.REGISTER_VOUCHER,
                Line.of(
                        "change.unavailable.not-voucher",
                        order.getPayment().getMethod().key())));
        lines.add(Line.of("change.licences.other-payment"));
        cancelOrRevoke(false);
        offer(Remedy.ORDER_AGAIN);
        return cancelledOrRevoked();
    }

    /** C1 for a pending order, with where the money goes (P); R1/R5 for an issued one, with R4's outcome. */
    private void cancelOrRevoke(boolean unspecifiedReason) {
        if (order.isPending()) {
            RefundRoute route = RefundRoute.forPayment(order.getPayment());
            List<Line> notes = new ArrayList<>();
            notes.add(Line.of("refund.route." + route.key() + ".preview"));
            if (order.getPayment().hasHardwareToken()) {
                notes.add(Line.of("refund.token-preview"));
            }
            offer(Remedy.CANCEL, order, notes);
            return;
        }
        lines.add(Line.of("change.issued.revoke-instead", order.getOrderNumber()));
        if (order.needsSupportToRevoke()) {
            offer(Remedy.REQUEST_SUPPORT_REVOCATION);
            return;
        }
        List<Line> notes = new ArrayList<>();
        if (unspecifiedReason) {
            notes.add(Line.of("change.revoke.reason-unspecified"));
        }
        if (offer(Remedy.REVOKE, order, notes)) {
            revocationPreview = RevocationPreview.of(order, now);
        }
    }

    /** K4 on {@code target} (this order, or the renewal that renewed it). */
    private void offerReissue(CertificateOrder target) {
        offer(Remedy.REISSUE, target, List.of());
    }

    private void offer(Remedy remedy) {
        offer(remedy, order, List.of());
    }

    /** Offers {@code remedy} on {@code target} if this member may take it now, or says why not. */
    private boolean offer(Remedy remedy, CertificateOrder target, List<Line> notes) {
        Optional<Line> why = whyNot(remedy, target);
        if (why.isPresent()) {
            unavailable.add(new Unavailable(remedy, why.get()));
            return false;
        }
        offers.add(new Offer(remedy, target.getOrderNumber(), null, notes));
        return true;
    }

    private Optional<Line> whyNot(Remedy remedy, CertificateOrder target) {
        if (!role.actsOnOrders()) {
            return Optional.of(Line.of("change.unavailable.read-only"));
        }
        boolean allowed = switch (remedy) {
            case CANCEL -> actions.contains(OrderAction.CANCEL);
            case REVOKE -> actions.contains(OrderAction.REVOKE);
            case REQUEST_SUPPORT_REVOCATION -> actions.contains(OrderAction.REQUEST_SUPPORT_REVOCATION);
            case REGISTER_VOUCHER -> actions.contains(OrderAction.REGISTER_VOUCHER);
            case RENEW -> actions.contains(OrderAction.RENEW);
            // K4: as Certificate actions offer it (issued, no reissue already waiting for validation).
            case REISSUE -> target.actionsFor(role, false).contains(OrderAction.REISSUE);
            case DOWNLOAD -> target.currentCertificate().isPresent();
            case ORDER_AGAIN -> true;
        };
        if (allowed) {
            return Optional.empty();
        }
        if (remedy == Remedy.REVOKE && revocationWaiting) {
            return Optional.of(Line.of("change.unavailable.revocation-waiting", order.getOrderNumber()));
        }
        if (remedy == Remedy.REISSUE && target.waitingReissue().isPresent()) {
            return Optional.of(Line.of("change.unavailable.reissue-waiting", target.getOrderNumber()));
        }
        if (remedy == Remedy.RENEW && order.activeRenewal().isPresent()) {
            return Optional.of(Line.of(
                    "change.unavailable.renewed",
                    order.getOrderNumber(),
                    order.activeRenewal().get().getOrderNumber()));
        }
        return Optional.of(Line.of(
                "change.unavailable.status",
                target.getOrderNumber(),
                "status." + target.getStatus().key()));
    }
}
