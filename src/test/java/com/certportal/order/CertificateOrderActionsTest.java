package com.certportal.order;

import static com.certportal.support.DomainOrders.card;
import static com.certportal.support.DomainOrders.issued;
import static com.certportal.support.DomainOrders.member;
import static com.certportal.support.DomainOrders.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.certportal.account.Member;
import com.certportal.account.Role;
import com.certportal.action.ActionRefused;
import com.certportal.catalog.Product;
import com.certportal.support.DomainOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The aggregate guards its own moves: C1, C3, R1, R3, R5, P7 without Spring. */
class CertificateOrderActionsTest {

    private static final Instant FIRST_ISSUED = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant DEADLINE = FIRST_ISSUED.plus(Duration.ofDays(30));

    private final Member admin = member(Role.ADMINISTRATOR);

    @Test
    void aPendingOrderIsCancelled_C1_C3() {
        CertificateOrder order = pending(Product.TLS_DV, card(Product.TLS_DV), FIRST_ISSUED);
        Instant now = FIRST_ISSUED.plusSeconds(60);

        order.cancel(admin, now);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.getCanceledAt()).isEqualTo(now);
        assertThat(order.canCancel()).isFalse();
    }

    @Test
    void anIssuedOrderIsNotCancelledAndTheRefusalNamesItsStatus_C1() {
        CertificateOrder order = issued(Product.TLS_DV, FIRST_ISSUED);

        assertThatThrownBy(() -> order.cancel(admin, FIRST_ISSUED.plusSeconds(1)))
                .isInstanceOfSatisfying(ActionRefused.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("order.refused.cancel-not-pending");
                    assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.CONFLICT);
                    assertThat(refused.messageArguments()).containsExactly("10000001", "status.issued");
                });
        assertThat(order.getStatus()).isEqualTo(OrderStatus.ISSUED);
        assertThat(order.getCanceledAt()).isNull();
    }

    @Test
    void revokingRevokesEveryCertificateAndSubmissionOnTheDeadlineCountsAsCancellation_R1_R3() {
        CertificateOrder order = issued(Product.TLS_OV, FIRST_ISSUED);
        order.reissue(
                "20000002",
                DomainOrders.certificate("0B", FIRST_ISSUED.plusSeconds(10)),
                "unit.example.com",
                List.of(),
                FIRST_ISSUED.plusSeconds(10));
        Instant approvedAt = DEADLINE.plus(Duration.ofDays(5));

        order.revoke(admin, RevocationReason.KEY_COMPROMISE, null, DEADLINE, approvedAt);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.REVOKED);
        assertThat(order.isTreatedAsCancellation()).isTrue();
        assertThat(order.getRevokedAt()).isEqualTo(approvedAt);
        assertThat(order.getCertificates()).hasSize(2).allSatisfy(c -> {
            assertThat(c.getStatus()).isEqualTo(Certificate.Status.REVOKED);
            assertThat(c.getRevocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        });
        assertThat(order.currentCertificate()).isEmpty();
    }

    @Test
    void submissionOneSecondAfterTheDeadlineIsOnlyARevocation_R3() {
        CertificateOrder order = issued(Product.TLS_OV, FIRST_ISSUED);

        order.revoke(admin, RevocationReason.SUPERSEDED, null, DEADLINE.plusSeconds(1), DEADLINE.plusSeconds(1));

        assertThat(order.getStatus()).isEqualTo(OrderStatus.REVOKED);
        assertThat(order.isTreatedAsCancellation()).isFalse();
    }

    @Test
    void theWindowIsJudgedToTheSecondAndInclusive_R3() {
        CertificateOrder order = issued(Product.TLS_DV, FIRST_ISSUED);

        assertThat(order.refundDeadline()).isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
        assertThat(order.isWithinCancellationWindow(DEADLINE)).isTrue();
        assertThat(order.isWithinCancellationWindow(DEADLINE.plusSeconds(1))).isFalse();
        assertThat(pending(Product.TLS_DV, card(Product.TLS_DV), FIRST_ISSUED).isWithinCancellationWindow(DEADLINE))
                .as("a pending order has no first issue date, so no window")
                .isFalse();
    }

    @Test
    void aPendingOrderIsNotRevoked_R1() {
        CertificateOrder order = pending(Product.TLS_DV, card(Product.TLS_DV), FIRST_ISSUED);

        assertThatThrownBy(() -> order.revoke(admin, RevocationReason.UNSPECIFIED, null, DEADLINE, DEADLINE))
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("order.refused.revoke-not-issued"));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
    }

    @ParameterizedTest
    @EnumSource(
            value = Product.class,
            names = {"DOCUMENT_SIGNING", "PRIVATE", "EV_CODE_SIGNING"})
    void productsOnlySupportCanRevokeAreRefusedInThePortalAndGoToSupport_R5(Product product) {
        CertificateOrder order = issued(product, FIRST_ISSUED);

        assertThatThrownBy(order::checkRevocable)
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("order.refused.revoke-needs-support"));
        assertThat(order.actionsFor(Role.USER, false))
                .containsExactly(
                        OrderAction.REQUEST_SUPPORT_REVOCATION,
                        OrderAction.REISSUE,
                        OrderAction.DUPLICATE,
                        OrderAction.RENEW);

        order.requestRevocationFromSupport(admin, RevocationReason.KEY_COMPROMISE, "key lost", FIRST_ISSUED);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.ISSUED);
        assertThat(order.getSupportRevocationNote()).isEqualTo("key lost");
        assertThat(order.getSupportRevocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
    }

    @ParameterizedTest
    @EnumSource(
            value = Product.class,
            names = {"TLS_DV", "TLS_OV", "TLS_EV", "CODE_SIGNING"})
    void serverAndCodeSigningProductsAreRevokedInThePortalNotThroughSupport_R5(Product product) {
        CertificateOrder order = issued(product, FIRST_ISSUED);

        order.checkRevocable();
        assertThat(order.actionsFor(Role.USER, false))
                .containsExactly(OrderAction.REVOKE, OrderAction.REISSUE, OrderAction.DUPLICATE, OrderAction.RENEW);
        assertThatThrownBy(() ->
                        order.requestRevocationFromSupport(admin, RevocationReason.UNSPECIFIED, "note", FIRST_ISSUED))
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("order.refused.support-not-needed"));
        assertThat(order.getSupportRevocationNote()).isNull();
    }

    @Test
    void actionsFollowStatusRoleAndAWaitingRequest_C1_R1_R7() {
        CertificateOrder pendingOrder = pending(Product.TLS_DV, card(Product.TLS_DV), FIRST_ISSUED);
        CertificateOrder issuedOrder = issued(Product.TLS_DV, FIRST_ISSUED);

        assertThat(pendingOrder.actionsFor(Role.USER, false)).containsExactly(OrderAction.CANCEL);
        assertThat(pendingOrder.actionsFor(Role.FINANCE_MANAGER, false)).isEmpty();
        assertThat(issuedOrder.actionsFor(Role.ADMINISTRATOR, false))
                .containsExactly(OrderAction.REVOKE, OrderAction.REISSUE, OrderAction.DUPLICATE, OrderAction.RENEW);
        assertThat(issuedOrder.actionsFor(Role.ADMINISTRATOR, true))
                .as(
                        "R7: no second revocation while one waits (K4, K5, K6: reissues, duplicates and renewals still are)")
                .containsExactly(OrderAction.REISSUE, OrderAction.DUPLICATE, OrderAction.RENEW);
        assertThat(issuedOrder.actionsFor(Role.FINANCE_MANAGER, false)).isEmpty();
        assertThat(OrderAction.CANCEL.offeredInQuickView()).as("C1").isFalse();
        assertThat(OrderAction.REVOKE.offeredInQuickView()).as("R1").isTrue();
    }

    @Test
    void aRefundIsRecordedOnlyForACancellationOrAnInWindowRevocationAndOnlyOnce_P7() {
        CertificateOrder canceled = pending(Product.TLS_DV, card(Product.TLS_DV), FIRST_ISSUED);
        canceled.cancel(admin, FIRST_ISSUED);
        canceled.recordRefund(RefundRoute.CARD_COMPANY, FIRST_ISSUED.plusSeconds(1));
        assertThat(canceled.getRefundRoute()).isEqualTo(RefundRoute.CARD_COMPANY);
        assertThat(canceled.getRefundRoutedAt()).isEqualTo(FIRST_ISSUED.plusSeconds(1));
        assertThatThrownBy(() -> canceled.recordRefund(RefundRoute.CARD_COMPANY, FIRST_ISSUED))
                .isInstanceOf(IllegalStateException.class);

        CertificateOrder issuedOrder = issued(Product.TLS_DV, FIRST_ISSUED);
        assertThatThrownBy(() -> issuedOrder.recordRefund(RefundRoute.CARD_COMPANY, FIRST_ISSUED))
                .isInstanceOf(IllegalStateException.class);

        CertificateOrder revokedLate = issued(Product.TLS_DV, FIRST_ISSUED);
        revokedLate.revoke(admin, RevocationReason.UNSPECIFIED, null, DEADLINE.plusSeconds(1), DEADLINE);
        assertThatThrownBy(() -> revokedLate.recordRefund(RefundRoute.CARD_COMPANY, DEADLINE))
                .isInstanceOf(IllegalStateException.class);
        assertThat(revokedLate.getRefundRoute()).isNull();
    }

    @Test
    void aFormShownAtAnOlderVersionIsRefusedAsStale() {
        CertificateOrder order = issued(Product.TLS_DV, FIRST_ISSUED);

        assertThat(order.staleAgainst(order.getVersion())).isEmpty();
        assertThat(order.staleAgainst(order.getVersion() + 1))
                .hasValueSatisfying(refused -> assertThat(refused.messageKey()).isEqualTo("order.refused.stale"));
    }

    @Test
    void theFiveReasonsCarryTheirRfc5280Codes_R2() {
        assertThat(EnumSet.allOf(RevocationReason.class)).hasSize(5);
        assertThat(RevocationReason.KEY_COMPROMISE.crlReasonCode()).isEqualTo(1);
        assertThat(RevocationReason.CESSATION_OF_OPERATION.crlReasonCode()).isEqualTo(5);
        assertThat(RevocationReason.AFFILIATION_CHANGED.crlReasonCode()).isEqualTo(3);
        assertThat(RevocationReason.SUPERSEDED.crlReasonCode()).isEqualTo(4);
        assertThat(RevocationReason.UNSPECIFIED.crlReasonCode()).isEqualTo(0);
    }
}
