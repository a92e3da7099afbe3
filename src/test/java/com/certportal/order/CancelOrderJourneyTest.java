package com.certportal.order;

import static com.certportal.support.Fixtures.PaymentChoice.bankTransfer;
import static com.certportal.support.Fixtures.PaymentChoice.card;
import static com.certportal.support.Fixtures.PaymentChoice.unit;
import static com.certportal.support.Fixtures.PaymentChoice.voucher;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.catalog.Product;
import com.certportal.mail.MailKind;
import com.certportal.mail.OutboxMail;
import com.certportal.refund.RefundCase;
import com.certportal.refund.RefundCaseRepository;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.OrderState;
import com.certportal.token.HardwareToken;
import com.certportal.voucher.Voucher;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * C1-C4 and P1-P7 on PostgreSQL through the web: open the confirmation page, confirm, see the refund
 * outcome on the order.
 */
class CancelOrderJourneyTest extends ActionIntegrationTest {

    @Autowired
    private RefundCaseRepository refundCases;

    private TestAccount account;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount();
    }

    @Test
    void theConfirmationPageChangesNothingUntilConfirmed_C2() {
        String order = fixtures.pending(account.user(), Product.TLS_DV, "confirm.example.com", card());
        OrderState before = state(order);

        MvcTestResult page = get(account.user(), "/orders/" + order + "/cancel");

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains(shown("cancel.confirm")).contains("name=\"version\"");
        assertThat(state(order)).isEqualTo(before);
        assertThat(history(order, AuditAction.ORDER_CANCELED)).isEmpty();
    }

    @Test
    void cancellingAnUnpaidBankTransferVoidsTheContract_C3_P1() {
        String order = fixtures.pending(account.user(), Product.TLS_DV, "p1.example.com", bankTransfer(false));

        MvcTestResult result = cancel(order);

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/orders/" + order);
        OrderState after = state(order);
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(after.refundRoute()).isEqualTo(RefundRoute.CONTRACT_VOIDED);
        assertThat(refundCases.findByOrderId(after.id())).isEmpty();
        assertThat(notices(result)).contains(text("refund.route.contract_voided.done", Locale.ENGLISH));
        assertRecordedAsDone(order, "contract_voided");
    }

    @Test
    void cancellingAPaidBankTransferOpensARefundCaseForTheOrderPrice_C3_P2() {
        String order = fixtures.pending(account.user(), Product.TLS_DV, "p2.example.com", bankTransfer(true));

        assertThat(cancel(order)).hasStatus3xxRedirection();

        OrderState after = state(order);
        assertThat(after.refundRoute()).isEqualTo(RefundRoute.REFUND_CASE_OPENED);
        RefundCase refund = refundCases.findByOrderId(after.id()).orElseThrow();
        assertThat(refund.getStatus()).isEqualTo(RefundCase.Status.OPEN);
        assertThat(refund.getAccountId()).isEqualTo(account.id());
        assertThat(refund.getAmount()).isEqualByComparingTo(Product.TLS_DV.priceFor(1));
        assertThat(refund.getCurrency()).isEqualTo("JPY");
        assertRecordedAsDone(order, "refund_case_opened");
    }

    @Test
    void aRefundCaseNeverIncludesTheHardwareTokenWhichTheAccountKeeps_P2_P6() {
        String order = fixtures.pending(
                account.user(),
                Product.CODE_SIGNING,
                "p6.example.com",
                bankTransfer(true).withToken());

        MvcTestResult result = cancel(order);

        assertThat(result).hasStatus3xxRedirection();
        OrderState after = state(order);
        RefundCase refund = refundCases.findByOrderId(after.id()).orElseThrow();
        assertThat(refund.getAmount())
                .as("the order's price only, never the 15,000 yen token")
                .isEqualByComparingTo(Product.CODE_SIGNING.priceFor(1))
                .isNotEqualByComparingTo(Product.CODE_SIGNING.priceFor(1).add(BigDecimal.valueOf(15_000)));
        assertThat(after.tokenStatus()).isEqualTo(HardwareToken.Status.REUSABLE);
        assertThat(after.hardwareTokenKeptForReuse()).isTrue();
        assertThat(notices(result)).contains(text("refund.token-kept", Locale.ENGLISH));
        assertRecordedAsDone(order, "refund_case_opened.token_kept");
    }

    @Test
    void cancellingACardOrderTellsTheUserToAskTheCardCompany_C3_P3() {
        String order = fixtures.pending(account.user(), Product.TLS_DV, "p3.example.com", card());

        MvcTestResult result = cancel(order);

        assertThat(result).hasStatus3xxRedirection();
        assertThat(state(order).refundRoute()).isEqualTo(RefundRoute.CARD_COMPANY);
        assertThat(notices(result)).contains(text("refund.route.card_company.done", Locale.ENGLISH));
        assertThat(get(account.user(), "/orders/" + order))
                .as("P7: the outcome is shown on the order")
                .bodyText()
                .contains(shown("refund.route.card_company.done"));
        assertRecordedAsDone(order, "card_company");
    }

    @Test
    void cancellingAVoucherOrderPutsTheVoucherBackToUnused_C3_P4() {
        String order = fixtures.pending(account.user(), Product.TLS_DV, "p4.example.com", voucher());
        assertThat(state(order).voucherStatus()).isEqualTo(Voucher.Status.USED);

        assertThat(cancel(order)).hasStatus3xxRedirection();

        OrderState after = state(order);
        assertThat(after.refundRoute()).isEqualTo(RefundRoute.VOUCHER_RETURNED);
        assertThat(after.voucherStatus()).isEqualTo(Voucher.Status.UNUSED);
        assertThat(fixtures.voucher(after.voucherCode()).isUsed())
                .as("the same code can place a new order")
                .isFalse();
        assertRecordedAsDone(order, "voucher_returned");
    }

    @Test
    void cancellingAnEnterpriseUnitOrderGivesTheLicencesBack_C3_P5() {
        String order = fixtures.pending(account.user(), Product.TLS_DV, "p5.example.com", unit(3));
        int before = state(order).unitLicencesAvailable();

        assertThat(cancel(order)).hasStatus3xxRedirection();

        OrderState after = state(order);
        assertThat(after.refundRoute()).isEqualTo(RefundRoute.LICENCES_RETURNED);
        assertThat(after.unitLicencesAvailable()).isEqualTo(before + 3);
        assertRecordedAsDone(order, "licences_returned");
    }

    @Test
    void aTokenBoughtWithACardOrderIsKeptAndMarkedReusable_P3_P6() {
        String order =
                fixtures.pending(account.user(), Product.EV_CODE_SIGNING, "p6-card.example.com", card().withToken());
        assertThat(state(order).tokenStatus()).isEqualTo(HardwareToken.Status.IN_USE);

        assertThat(cancel(order)).hasStatus3xxRedirection();

        OrderState after = state(order);
        assertThat(after.refundRoute()).isEqualTo(RefundRoute.CARD_COMPANY);
        assertThat(after.tokenStatus()).isEqualTo(HardwareToken.Status.REUSABLE);
        assertThat(fixtures.token(tokenId(order)).isReusable()).isTrue();
    }

    @Test
    void cancellingAnOvOrderQueuesAMailToTheRequesterInItsLanguage_C4() {
        String order = fixtures.pending(account.user(), Product.TLS_OV, "ov-mail.example.com", card());

        MvcTestResult result = post(account.admin(), "/orders/" + order + "/cancel", "version", version(order));

        assertThat(result).hasStatus3xxRedirection();
        List<OutboxMail> queued = mails(order);
        assertThat(queued).singleElement().satisfies(mail -> {
            assertThat(mail.getKind()).isEqualTo(MailKind.CANCELLATION);
            assertThat(mail.getRecipient())
                    .as("the requester, not the administrator who cancelled")
                    .isEqualTo(account.user().email());
            assertThat(mail.getLanguage()).isEqualTo("ja");
            assertThat(mail.getSubject())
                    .isEqualTo(text("mail.cancellation.subject", Locale.JAPANESE, order))
                    .contains(order);
            assertThat(mail.isSent()).isFalse();
        });
        assertThat(notices(result)).contains(text("cancel.mail-sent", Locale.ENGLISH));
    }

    /**
     * Issue 9, finding 6 (C4, T2): the mail waits in the outbox until a mail server takes it, so the
     * confirmation says it is queued, in both languages, never that it was sent.
     */
    @Test
    void theConfirmationSaysTheRequestersMailIsQueuedNotSent_C4_T2() {
        String english = fixtures.pending(account.user(), Product.TLS_OV, "queued-en.example.com", card());
        String japanese = fixtures.pending(account.user(), Product.TLS_OV, "queued-ja.example.com", card());

        MvcTestResult inEnglish =
                postIn(Locale.ENGLISH, account.user(), "/orders/" + english + "/cancel", "version", version(english));
        MvcTestResult inJapanese = postIn(
                Locale.JAPANESE, account.user(), "/orders/" + japanese + "/cancel", "version", version(japanese));

        assertThat(mails(english))
                .singleElement()
                .satisfies(mail -> assertThat(mail.isSent()).isFalse());
        assertThat(String.join(" ", notices(inEnglish))).contains("is queued").doesNotContainIgnoringCase("was sent");
        assertThat(String.join(" ", notices(inJapanese))).contains("送信待ち").doesNotContain("送信しました");
    }

    @Test
    void theQueuedMailIsShownToWhoMaySeeItsOrder_C4_T2() {
        String order = fixtures.pending(account.user(), Product.TLS_OV, "mail-page.example.com", card());
        assertThat(cancel(order)).hasStatus3xxRedirection();
        String subject = text("mail.cancellation.subject", Locale.JAPANESE, order);
        String adminsOrder = fixtures.pending(account.admin(), Product.TLS_OV, "admins-mail.example.com", card());
        assertThat(post(account.admin(), "/orders/" + adminsOrder + "/cancel", "version", version(adminsOrder)))
                .hasStatus3xxRedirection();
        String adminsSubject = text("mail.cancellation.subject", Locale.ENGLISH, adminsOrder);

        assertThat(get(account.admin(), "/mail"))
                .bodyText()
                .contains(subject, adminsSubject)
                .contains(account.user().email())
                .contains(shown("mail.page.waiting"));
        assertThat(get(account.finance(), "/mail")).bodyText().contains(subject, adminsSubject);
        // A user sees the mail about the orders it requested, as it sees those orders, and no other.
        assertThat(get(account.user(), "/mail")).bodyText().contains(subject).doesNotContain(adminsSubject);
        assertThat(get(fixtures.newAccount().admin(), "/mail")).bodyText().doesNotContain(subject);
    }

    @Test
    void cancellingADvOrderSendsNoMail_C4() {
        String order = fixtures.pending(account.user(), Product.TLS_DV, "dv-mail.example.com", card());

        assertThat(cancel(order)).hasStatus3xxRedirection();

        assertThat(state(order).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(mails(order)).isEmpty();
    }

    @Test
    void aCancellationIsRecordedWithWhoAndTheMove_T1() {
        String order = fixtures.pending(account.user(), Product.TLS_DV, "trail.example.com", card());

        assertThat(cancel(order)).hasStatus3xxRedirection();

        AuditRecord canceled =
                history(order, AuditAction.ORDER_CANCELED).stream().findFirst().orElseThrow();
        assertThat(canceled.getOutcome()).isEqualTo(AuditRecord.Outcome.DONE);
        assertThat(canceled.getActorEmail()).isEqualTo(account.user().email());
        assertThat(canceled.getFromStatus()).isEqualTo("PENDING");
        assertThat(canceled.getToStatus()).isEqualTo("CANCELED");
        assertThat(get(account.user(), "/orders/" + order))
                .as("the order page shows its history")
                .bodyText()
                .contains(account.user().email());
    }

    private MvcTestResult cancel(String order) {
        return post(account.user(), "/orders/" + order + "/cancel", "version", version(order));
    }

    private Long tokenId(String order) {
        return fixtures.withOrder(order, o -> o.getPayment().getHardwareToken().getId());
    }

    /** C3, P7, T1: exactly one cancellation and one refund routing, both done, on the order. */
    private void assertRecordedAsDone(String order, String routeDetail) {
        assertThat(history(order, AuditAction.ORDER_CANCELED))
                .singleElement()
                .extracting(AuditRecord::getOutcome)
                .isEqualTo(AuditRecord.Outcome.DONE);
        assertThat(history(order, AuditAction.REFUND_ROUTED))
                .singleElement()
                .satisfies(r -> assertThat(r.getDetail()).isEqualTo(routeDetail));
    }
}
