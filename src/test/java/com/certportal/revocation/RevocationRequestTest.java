package com.certportal.revocation;

import static com.certportal.support.DomainOrders.bankTransfer;
import static com.certportal.support.DomainOrders.issued;
import static com.certportal.support.DomainOrders.member;
import static com.certportal.support.DomainOrders.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.certportal.account.Member;
import com.certportal.account.Role;
import com.certportal.action.ActionRefused;
import com.certportal.catalog.Product;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderStatus;
import com.certportal.order.RefundRoute;
import com.certportal.order.RevocationReason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** R3, R6, A2, A4: a request and the order it is about, without Spring. */
class RevocationRequestTest {

    private static final Instant FIRST_ISSUED = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant DEADLINE = FIRST_ISSUED.plus(Duration.ofDays(30));

    private final Member user = member(Role.USER);
    private final Member admin = member(Role.ADMINISTRATOR);

    @Test
    void aSubmittedRequestNeedsApprovalAndTheOrderStaysIssued_R6() {
        CertificateOrder order = issued(Product.TLS_DV, FIRST_ISSUED);

        RevocationRequest request =
                RevocationRequest.submit(order, user, RevocationReason.CESSATION_OF_OPERATION, "closing", DEADLINE);

        assertThat(request.getStatus()).isEqualTo(RevocationRequest.Status.NEEDS_APPROVAL);
        assertThat(request.isWaiting()).isTrue();
        assertThat(request.getSubmittedAt()).isEqualTo(DEADLINE);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.ISSUED);
    }

    @Test
    void approvingLateARequestSubmittedOnDay30IsStillACancellation_R3_A2() {
        CertificateOrder order = issued(Product.TLS_OV, bankTransfer(Product.TLS_OV, true), FIRST_ISSUED);
        RevocationRequest request =
                RevocationRequest.submit(order, user, RevocationReason.KEY_COMPROMISE, null, DEADLINE);
        assertThat(request.approvalWouldBeTreatedAsCancellation()).isTrue();
        assertThat(request.refundRouteIfApproved()).isEqualTo(RefundRoute.REFUND_CASE_OPENED);

        Instant approvedAt = FIRST_ISSUED.plus(Duration.ofDays(35));
        request.approve(admin, "ok", approvedAt);

        assertThat(request.getStatus()).isEqualTo(RevocationRequest.Status.APPROVED);
        assertThat(request.getDecidedAt()).isEqualTo(approvedAt);
        assertThat(request.getDecisionComment()).isEqualTo("ok");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REVOKED);
        assertThat(order.getRevokedAt()).isEqualTo(approvedAt);
        assertThat(order.isTreatedAsCancellation()).isTrue();
        assertThat(order.getRevocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
    }

    @Test
    void aRequestSubmittedOneSecondAfterTheDeadlineIsOnlyARevocationWhenApproved_R3() {
        CertificateOrder order = issued(Product.TLS_OV, bankTransfer(Product.TLS_OV, true), FIRST_ISSUED);
        RevocationRequest request =
                RevocationRequest.submit(order, user, RevocationReason.KEY_COMPROMISE, null, DEADLINE.plusSeconds(1));
        assertThat(request.approvalWouldBeTreatedAsCancellation()).isFalse();
        assertThat(request.refundRouteIfApproved()).isNull();

        request.approve(admin, null, DEADLINE.plusSeconds(2));

        assertThat(order.getStatus()).isEqualTo(OrderStatus.REVOKED);
        assertThat(order.isTreatedAsCancellation()).isFalse();
    }

    @Test
    void rejectingLeavesTheOrderIssued_A2() {
        CertificateOrder order = issued(Product.TLS_DV, FIRST_ISSUED);
        RevocationRequest request =
                RevocationRequest.submit(order, user, RevocationReason.UNSPECIFIED, null, FIRST_ISSUED);

        request.reject(admin, "still needed", FIRST_ISSUED.plusSeconds(60));

        assertThat(request.getStatus()).isEqualTo(RevocationRequest.Status.REJECTED);
        assertThat(request.getDecidedBy()).isSameAs(admin);
        assertThat(request.isWaiting()).isFalse();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.ISSUED);
        assertThat(order.getRevokedAt()).isNull();
    }

    @Test
    void aRequestIsDecidedOnceAndASecondDecisionChangesNothing_A4() {
        CertificateOrder order = issued(Product.TLS_DV, FIRST_ISSUED);
        RevocationRequest request =
                RevocationRequest.submit(order, user, RevocationReason.UNSPECIFIED, null, FIRST_ISSUED);
        request.reject(admin, "no", FIRST_ISSUED.plusSeconds(60));

        assertThatThrownBy(() -> request.approve(admin, "yes", FIRST_ISSUED.plusSeconds(120)))
                .isInstanceOfSatisfying(ActionRefused.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("request.refused.decided");
                    assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.CONFLICT);
                });
        assertThatThrownBy(() -> request.reject(admin, "again", FIRST_ISSUED.plusSeconds(120)))
                .isInstanceOf(ActionRefused.class);

        assertThat(request.getStatus()).isEqualTo(RevocationRequest.Status.REJECTED);
        assertThat(request.getDecisionComment()).isEqualTo("no");
        assertThat(request.getDecidedAt()).isEqualTo(FIRST_ISSUED.plusSeconds(60));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.ISSUED);
    }

    @Test
    void noRequestIsCreatedForAnOrderThatCannotBeRevokedInThePortal_R1_R5() {
        CertificateOrder pendingOrder =
                pending(Product.TLS_DV, bankTransfer(Product.TLS_DV, false), FIRST_ISSUED.minusSeconds(60));
        CertificateOrder documentSigning = issued(Product.DOCUMENT_SIGNING, FIRST_ISSUED);

        assertThatThrownBy(() ->
                        RevocationRequest.submit(pendingOrder, user, RevocationReason.UNSPECIFIED, null, FIRST_ISSUED))
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("order.refused.revoke-not-issued"));
        assertThatThrownBy(() -> RevocationRequest.submit(
                        documentSigning, user, RevocationReason.UNSPECIFIED, null, FIRST_ISSUED))
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("order.refused.revoke-needs-support"));
    }
}
