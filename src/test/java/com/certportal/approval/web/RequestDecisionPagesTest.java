package com.certportal.approval.web;

import static com.certportal.support.Fixtures.PaymentChoice.voucher;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import com.certportal.mail.MailKind;
import com.certportal.mail.OutboxMail;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import com.certportal.support.PlainWords;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Limit;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 9, findings 6-8, on the pages where an administrator decides a request (A1-A3, O4): the final
 * button says what approving does, the outcome is told in plain words, and a rejection's mail to the
 * requester is said to be queued (it waits in the outbox until a mail server takes it), in both languages.
 */
class RequestDecisionPagesTest extends ActionIntegrationTest {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.JAPANESE);

    private TestAccount account;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount();
    }

    /** Finding 8 (A2): approving a revocation request revokes the order at once; the button says so. */
    @Test
    void approvingARevocationRequestIsAButtonThatSaysItRevokesNow_A2() {
        Long request = revocationRequest("approve-revoke");

        assertThat(approveButton(Locale.ENGLISH, request)).containsExactly("Approve and revoke now");
        assertThat(approveButton(Locale.JAPANESE, request)).containsExactly("承認して今すぐ失効");
    }

    /** Finding 8 (O4): approving an order request places the order; the button says so. */
    @Test
    void approvingAnOrderRequestIsAButtonThatSaysItPlacesTheOrder_O4() {
        Long request = orderRequest("approve-order");

        assertThat(approveButton(Locale.ENGLISH, request)).containsExactly("Approve and place the order");
        assertThat(approveButton(Locale.JAPANESE, request)).containsExactly("承認してオーダーを確定");
    }

    /** Finding 7 (A1, R3): the request and the list of requests tell the outcome without rule ids. */
    @Test
    void theRequestsAndTheirOutcomeAreToldInPlainWords_A1_R3() {
        Long revocation = revocationRequest("plain-revoke");
        Long order = orderRequest("plain-order");

        for (Locale language : LANGUAGES) {
            String revocationPage = readIn(language, account.admin(), "/requests/" + revocation);
            String orderPage = readIn(language, account.admin(), "/requests/" + order);
            String list = readIn(language, account.admin(), "/requests");

            assertThat(revocationPage).contains(text("request.outcome.cancellation", language));
            assertThat(list).contains(text("nav.requests", language));
            PlainWords.assertPlain(revocationPage, "revocation request " + revocation + " in " + language);
            PlainWords.assertPlain(orderPage, "order request " + order + " in " + language);
            PlainWords.assertPlain(list, "the requests in " + language);
        }
    }

    /** Finding 6 (A2, O4, T2): the mail to the requester waits in the outbox; the page says queued. */
    @Test
    void rejectingSaysTheMailToTheRequesterIsQueuedNotSent_A2_O4_T2() {
        for (Locale language : LANGUAGES) {
            Long revocation = revocationRequest("reject-revoke-" + language);
            Long order = orderRequest("reject-order-" + language);

            List<String> revocationRejected =
                    notices(postIn(language, account.admin(), "/requests/" + revocation + "/reject"));
            List<String> orderRejected = notices(postIn(language, account.admin(), "/requests/" + order + "/reject"));

            assertThat(String.join(" ", revocationRejected) + " " + String.join(" ", orderRejected))
                    .as(language.toString())
                    .contains(language == Locale.JAPANESE ? "送信待ち" : "is queued")
                    .doesNotContain("送信しました", "was emailed", "was sent");
        }
        assertThat(outboxMails.findByAccountIdOrderByIdDesc(account.id(), Limit.of(50)))
                .filteredOn(mail -> mail.getKind() == MailKind.REVOCATION_REJECTED
                        || mail.getKind() == MailKind.ORDER_REQUEST_REJECTED)
                .as("the four rejections' mails, none delivered")
                .hasSize(4)
                .noneMatch(OutboxMail::isSent);
    }

    private List<String> approveButton(Locale language, Long request) {
        MvcTestResult page = getIn(language, account.admin(), "/requests/" + request);
        assertThat(page).hasStatusOk();
        return Pages.buttons(Pages.body(page), "data-decision=\"approve\"");
    }

    /** A1: a user's revocation request inside the 30-day window (so approving it is a cancellation, R3). */
    private Long revocationRequest(String name) {
        String order = fixtures.issued(
                account.user(),
                Product.TLS_OV,
                name + ".example.com",
                voucher(),
                clock.instant().minus(Duration.ofDays(2)));
        return revocationRequested(account.user(), order, "superseded");
    }

    /** O4: a user's new order, waiting for an administrator. */
    private Long orderRequest(String name) {
        return fixtures.submitDv(account.user(), name + ".example.com", Fixtures.freshKey())
                .request()
                .getId();
    }
}
