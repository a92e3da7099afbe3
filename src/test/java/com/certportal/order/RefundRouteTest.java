package com.certportal.order;

import static com.certportal.support.DomainOrders.bankTransfer;
import static com.certportal.support.DomainOrders.card;
import static com.certportal.support.DomainOrders.unit;
import static com.certportal.support.DomainOrders.voucher;
import static com.certportal.support.DomainOrders.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** P1-P6: where the money goes back is decided by how the order was paid, and by nothing else. */
class RefundRouteTest {

    private static final Product TLS = Product.TLS_OV;

    @Test
    void unpaidBankTransferVoidsTheContract_P1() {
        assertThat(RefundRoute.forPayment(bankTransfer(TLS, false))).isEqualTo(RefundRoute.CONTRACT_VOIDED);
    }

    @Test
    void paidBankTransferOpensARefundCase_P2() {
        assertThat(RefundRoute.forPayment(bankTransfer(TLS, true))).isEqualTo(RefundRoute.REFUND_CASE_OPENED);
    }

    @Test
    void creditCardIsLeftToTheCardCompany_P3() {
        assertThat(RefundRoute.forPayment(card(TLS))).isEqualTo(RefundRoute.CARD_COMPANY);
    }

    @Test
    void voucherGoesBackToUnused_P4() {
        assertThat(RefundRoute.forPayment(voucher(TLS))).isEqualTo(RefundRoute.VOUCHER_RETURNED);
    }

    @Test
    void enterpriseUnitGetsItsLicencesBack_P5() {
        assertThat(RefundRoute.forPayment(unit(2))).isEqualTo(RefundRoute.LICENCES_RETURNED);
    }

    @Test
    void everyPaymentMethodHasExactlyOneRouteAndEveryRouteIsReachable_P1toP5() {
        List<Payment> oneOfEach =
                List.of(bankTransfer(TLS, false), bankTransfer(TLS, true), card(TLS), voucher(TLS), unit(1));
        Set<PaymentMethod> methods = oneOfEach.stream().map(Payment::getMethod).collect(Collectors.toSet());
        Set<RefundRoute> routes =
                oneOfEach.stream().map(RefundRoute::forPayment).collect(Collectors.toSet());

        assertThat(methods).isEqualTo(EnumSet.allOf(PaymentMethod.class));
        assertThat(routes).isEqualTo(EnumSet.allOf(RefundRoute.class));
    }

    @Test
    void aHardwareTokenChangesNoRouteAndIsNeverPartOfTheRefundableAmount_P6() {
        Product codeSigning = Product.CODE_SIGNING;
        Payment paidWithToken = withToken(bankTransfer(codeSigning, true));

        assertThat(RefundRoute.forPayment(paidWithToken)).isEqualTo(RefundRoute.REFUND_CASE_OPENED);
        assertThat(RefundRoute.forPayment(withToken(card(codeSigning)))).isEqualTo(RefundRoute.CARD_COMPANY);
        assertThat(paidWithToken.refundableAmount()).isEqualByComparingTo(codeSigning.priceFor(1));
        assertThat(paidWithToken.refundableAmount())
                .isLessThan(codeSigning.priceFor(1).add(paidWithToken.getHardwareTokenPrice()));
    }

    @Test
    void routeKeysAreTheLowerCaseNamesUsedByTheMessageBundles() {
        assertThat(RefundRoute.CONTRACT_VOIDED.key()).isEqualTo("contract_voided");
        assertThat(RefundRoute.LICENCES_RETURNED.key()).isEqualTo("licences_returned");
    }
}
