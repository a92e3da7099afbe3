package com.certportal.change;

import static com.certportal.support.DomainOrders.card;
import static com.certportal.support.DomainOrders.issued;
import static com.certportal.support.DomainOrders.member;
import static com.certportal.support.DomainOrders.pending;
import static com.certportal.support.DomainOrders.voucher;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.Role;
import com.certportal.catalog.Product;
import com.certportal.change.ChangeAdvice.Line;
import com.certportal.change.ChangeAdvice.Offer;
import com.certportal.change.ChangeAdvice.Remedy;
import com.certportal.change.ChangeAdvice.Unavailable;
import com.certportal.change.ChangeAdvice.Verdict;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderSpec;
import com.certportal.order.RequestType;
import com.certportal.order.RevocationReason;
import com.certportal.order.ServerPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * G, seed sections 4 to 6: the "Do I need to cancel?" answer for each wish, on a pending, an issued and
 * a closed order, for a member who acts on orders and for one who only reads them.
 */
class ChangeAdvisorTest {

    private static final Instant ISSUED = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant WITHIN_30_DAYS = ISSUED.plus(Duration.ofDays(10));
    private static final Instant AFTER_30_DAYS = ISSUED.plus(Duration.ofDays(45));

    private final CertificateOrder pendingCard = pending(Product.TLS_DV, card(Product.TLS_DV), ISSUED);
    private final CertificateOrder issuedCard = issued(Product.TLS_OV, ISSUED);
    private final CertificateOrder issuedVoucher = issued(Product.TLS_DV, voucher(Product.TLS_DV), ISSUED);

    @Test
    void theCommonNameOfAnIssuedOrderChangesByReissueNotByCancelling_G() {
        ChangeAdvice advice = advise(issuedCard, ChangeWish.COMMON_NAME, Role.USER, WITHIN_30_DAYS);

        assertThat(advice.verdict()).isEqualTo(Verdict.NO);
        assertThat(advice.offers()).extracting(Offer::remedy).containsExactly(Remedy.REISSUE);
        assertThat(advice.offers().get(0).path()).isEqualTo("/orders/10000001/reissue");
        assertThat(keys(advice)).contains("change.common-name.original-revoked", "change.common-name.at-renewal");
        assertThat(advice.revocationPreview()).isNull();
    }

    @Test
    void thePlatformIsADownloadOfTheCurrentCertificate_G_K3() {
        ChangeAdvice advice = advise(issuedCard, ChangeWish.SERVER_PLATFORM, Role.FINANCE_MANAGER, WITHIN_30_DAYS);

        assertThat(advice.verdict()).isEqualTo(Verdict.NO);
        assertThat(advice.offers())
                .singleElement()
                .satisfies(offer -> assertThat(offer.path()).isEqualTo("/orders/10000001#certificate-20000001"));
    }

    @Test
    void licencesOfAVoucherOrderComeByRegisteringAVoucherCode_G() {
        ChangeAdvice advice = advise(issuedVoucher, ChangeWish.LICENCES, Role.USER, AFTER_30_DAYS);

        assertThat(advice.verdict()).isEqualTo(Verdict.NOT_IF_VOUCHER);
        assertThat(advice.offers()).extracting(Offer::path).containsExactly("/orders/10000001/vouchers");
    }

    /** "If an action is not possible (licences on a card order), say why." */
    @Test
    void licencesOfACardOrderSayWhyNoVoucherCodeAndOfferTheRevocationWithItsOutcome_G_R4() {
        ChangeAdvice advice = advise(issuedCard, ChangeWish.LICENCES, Role.USER, AFTER_30_DAYS);

        assertThat(advice.verdict()).isEqualTo(Verdict.REVOKE);
        assertThat(advice.unavailable())
                .extracting(Unavailable::remedy, u -> u.why().key())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Remedy.REGISTER_VOUCHER, "change.unavailable.not-voucher"));
        assertThat(advice.offers()).extracting(Offer::remedy).containsExactly(Remedy.REVOKE, Remedy.ORDER_AGAIN);
        assertThat(advice.revocationPreview().treatedAsCancellation())
                .as("R3: 45 days after the first issue a revocation refunds nothing")
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = ChangeWish.class,
            names = {"PAYMENT_METHOD", "REQUEST_TYPE", "PRODUCT_OR_YEARS"})
    void fixedAtPlacementAPendingOrderIsCancelledAndOrderedAgain_G_C1(ChangeWish wish) {
        ChangeAdvice advice = advise(pendingCard, wish, Role.USER, ISSUED);

        assertThat(advice.verdict()).isEqualTo(Verdict.YES);
        assertThat(advice.offers()).extracting(Offer::remedy).containsExactly(Remedy.CANCEL, Remedy.ORDER_AGAIN);
        assertThat(advice.offers().get(0).notes())
                .extracting(Line::key)
                .containsExactly("refund.route.card_company.preview");
    }

    @ParameterizedTest
    @EnumSource(
            value = ChangeWish.class,
            names = {"PAYMENT_METHOD", "REQUEST_TYPE", "PRODUCT_OR_YEARS"})
    void fixedAtPlacementAnIssuedOrderIsRevokedWithItsThirtyDayOutcome_G_R3(ChangeWish wish) {
        ChangeAdvice advice = advise(issuedCard, wish, Role.ADMINISTRATOR, WITHIN_30_DAYS);

        assertThat(advice.verdict()).isEqualTo(Verdict.REVOKE);
        assertThat(advice.offers()).extracting(Offer::remedy).containsExactly(Remedy.REVOKE, Remedy.ORDER_AGAIN);
        assertThat(advice.revocationPreview().treatedAsCancellation()).isTrue();
        assertThat(keys(advice)).contains("change.issued.revoke-instead");
    }

    /** Seed section 1: a payment method or request type done wrong is revoked with the reason "unspecified". */
    @Test
    void revokingToRedoThePaymentNamesTheUnspecifiedReason_G() {
        ChangeAdvice advice = advise(issuedCard, ChangeWish.PAYMENT_METHOD, Role.USER, WITHIN_30_DAYS);

        assertThat(advice.offers().get(0).notes()).extracting(Line::key).contains("change.revoke.reason-unspecified");
    }

    @Test
    void aProductOnlySupportRevokesIsSentToSupport_G_R5() {
        CertificateOrder documentSigning = issued(Product.DOCUMENT_SIGNING, ISSUED);

        ChangeAdvice advice = advise(documentSigning, ChangeWish.PRODUCT_OR_YEARS, Role.USER, WITHIN_30_DAYS);

        assertThat(advice.offers())
                .extracting(Offer::remedy)
                .containsExactly(Remedy.REQUEST_SUPPORT_REVOCATION, Remedy.ORDER_AGAIN);
    }

    @Test
    void aRevocationAlreadyWaitingIsNamedInsteadOfOfferedAgain_G_R7() {
        ChangeAdvice advice =
                ChangeAdvisor.advise(issuedCard, ChangeWish.PAYMENT_METHOD, Role.USER, true, WITHIN_30_DAYS);

        assertThat(advice.offers()).extracting(Offer::remedy).containsExactly(Remedy.ORDER_AGAIN);
        assertThat(advice.unavailable())
                .extracting(u -> u.why().key())
                .containsExactly("change.unavailable.revocation-waiting");
        assertThat(advice.revocationPreview()).isNull();
    }

    @Test
    void theCommonNameOfAPendingOrderComesFromANewCsr_G() {
        ChangeAdvice advice = advise(pendingCard, ChangeWish.COMMON_NAME, Role.USER, ISSUED);

        assertThat(advice.verdict()).isEqualTo(Verdict.YES);
        assertThat(advice.offers()).extracting(Offer::remedy).containsExactly(Remedy.CANCEL, Remedy.ORDER_AGAIN);
    }

    @Test
    void renewingANewIssuedOrderIsOfferedWithItsUsualTime_G_K6() {
        ChangeAdvice advice = advise(issuedCard, ChangeWish.RENEWAL_TIMING, Role.USER, WITHIN_30_DAYS);

        assertThat(advice.verdict()).isEqualTo(Verdict.NO);
        assertThat(advice.offers()).extracting(Offer::path).contains("/orders/new?renewalOf=10000001");
        assertThat(keys(advice)).contains("change.timing.renew-when", "change.timing.early-is-fine");
    }

    /** G row 4: a renewal not issued yet has lost nothing; cancelling it is offered only to renew later. */
    @Test
    void aPendingRenewalHasLostNothingAndMayBeCancelledToRenewLater_G_K6() {
        CertificateOrder renewal = CertificateOrder.place(
                "10000002",
                member(Role.USER),
                new OrderSpec(
                        Product.TLS_OV,
                        1,
                        RequestType.RENEWAL,
                        issuedCard,
                        ServerPlatform.NGINX,
                        null,
                        "unit.example.com",
                        List.of("unit.example.com"),
                        null),
                card(Product.TLS_OV),
                WITHIN_30_DAYS);

        ChangeAdvice advice = advise(renewal, ChangeWish.RENEWAL_TIMING, Role.USER, WITHIN_30_DAYS);

        assertThat(advice.verdict()).isEqualTo(Verdict.NO);
        assertThat(keys(advice)).containsExactly("change.timing.pending-renewal");
        assertThat(advice.offers()).extracting(Offer::path).containsExactly("/orders/10000002/cancel");
    }

    @Test
    void aClosedOrderOffersOnlyANewRequest_G() {
        CertificateOrder revoked = issued(Product.TLS_DV, ISSUED);
        revoked.revoke(member(Role.ADMINISTRATOR), RevocationReason.SUPERSEDED, null, ISSUED, ISSUED);

        for (ChangeWish wish : ChangeWish.values()) {
            ChangeAdvice advice = advise(revoked, wish, Role.USER, WITHIN_30_DAYS);
            assertThat(advice.verdict()).isEqualTo(Verdict.CLOSED);
            assertThat(advice.offers()).extracting(Offer::remedy).containsExactly(Remedy.ORDER_AGAIN);
        }
    }

    /** Only actions this member may take are offered: a finance manager reads, and is told whom to ask. */
    @Test
    void aReadOnlyMemberIsOfferedNoActionAndToldWhy_G() {
        ChangeAdvice advice = advise(issuedCard, ChangeWish.COMMON_NAME, Role.FINANCE_MANAGER, WITHIN_30_DAYS);

        assertThat(advice.verdict()).isEqualTo(Verdict.NO);
        assertThat(advice.offers()).isEmpty();
        assertThat(advice.unavailable())
                .extracting(Unavailable::remedy, u -> u.why().key())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Remedy.REISSUE, "change.unavailable.read-only"));
        assertThat(keys(advice)).contains("change.read-only");
    }

    private static ChangeAdvice advise(CertificateOrder order, ChangeWish wish, Role role, Instant now) {
        return ChangeAdvisor.advise(order, wish, role, false, now);
    }

    private static List<String> keys(ChangeAdvice advice) {
        return advice.lines().stream().map(Line::key).toList();
    }
}
