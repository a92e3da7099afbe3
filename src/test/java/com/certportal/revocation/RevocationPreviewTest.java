package com.certportal.revocation;

import static com.certportal.support.DomainOrders.bankTransfer;
import static com.certportal.support.DomainOrders.card;
import static com.certportal.support.DomainOrders.issued;
import static com.certportal.support.DomainOrders.voucher;
import static com.certportal.support.DomainOrders.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import com.certportal.order.CertificateOrder;
import com.certportal.order.RefundRoute;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** R3, R4: what the revoke page states before submitting, judged to the second. */
class RevocationPreviewTest {

    private static final Instant FIRST_ISSUED = Instant.parse("2026-03-01T09:15:30Z");
    private static final Instant DEADLINE = FIRST_ISSUED.plus(Duration.ofDays(30));

    @Test
    void submittingExactlyThirtyDaysAfterTheFirstIssueIsStillACancellation_R3() {
        CertificateOrder order = issued(Product.TLS_OV, voucher(Product.TLS_OV), FIRST_ISSUED);

        RevocationPreview preview = RevocationPreview.of(order, DEADLINE);

        assertThat(preview.treatedAsCancellation()).isTrue();
        assertThat(preview.refundRoute()).isEqualTo(RefundRoute.VOUCHER_RETURNED);
        assertThat(preview.refundDeadline()).isEqualTo(Instant.parse("2026-03-31T09:15:30Z"));
    }

    @Test
    void submittingOneSecondAfterTheDeadlineIsOnlyARevocationAndRefundsNothing_R3() {
        CertificateOrder order = issued(Product.TLS_OV, voucher(Product.TLS_OV), FIRST_ISSUED);

        RevocationPreview preview = RevocationPreview.of(order, DEADLINE.plusSeconds(1));

        assertThat(preview.treatedAsCancellation()).isFalse();
        assertThat(preview.refundRoute()).isNull();
        assertThat(preview.hardwareTokenKept()).isFalse();
        assertThat(preview.refundDeadline()).isEqualTo(DEADLINE);
    }

    @Test
    void theFirstInstantAfterIssueIsInsideTheWindow_R3() {
        CertificateOrder order = issued(Product.TLS_DV, card(Product.TLS_DV), FIRST_ISSUED);

        assertThat(RevocationPreview.of(order, FIRST_ISSUED).treatedAsCancellation())
                .isTrue();
        assertThat(RevocationPreview.of(order, DEADLINE.minusNanos(1)).treatedAsCancellation())
                .isTrue();
        assertThat(RevocationPreview.of(order, DEADLINE.plusNanos(1)).treatedAsCancellation())
                .isFalse();
    }

    @Test
    void previewNamesTheRefundRouteOfThePaymentAndTheKeptToken_R4_P6() {
        CertificateOrder order =
                issued(Product.CODE_SIGNING, withToken(bankTransfer(Product.CODE_SIGNING, true)), FIRST_ISSUED);

        RevocationPreview inWindow = RevocationPreview.of(order, FIRST_ISSUED.plus(Duration.ofDays(3)));

        assertThat(inWindow.treatedAsCancellation()).isTrue();
        assertThat(inWindow.refundRoute()).isEqualTo(RefundRoute.REFUND_CASE_OPENED);
        assertThat(inWindow.hardwareTokenKept()).isTrue();
    }
}
