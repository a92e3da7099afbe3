package com.certportal.revocation.web;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static com.certportal.support.Fixtures.PaymentChoice.voucher;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import com.certportal.support.PlainWords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 9, findings 6-9, on the revoke and support pages (R4-R6), in both languages: the outcome in
 * plain words, a button that says "Revoke now" when it revokes at once, a support page that never
 * contradicts itself, and a request to support said to be queued (it waits in the outbox).
 */
class RevocationPagesTest extends ActionIntegrationTest {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.JAPANESE);

    private TestAccount account;
    private Instant issuedAt;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount();
        issuedAt = clock.instant().minus(Duration.ofDays(2));
    }

    /** Finding 7 (R4): inside the 30-day window the page says where the money goes, without rule ids. */
    @Test
    void theRevokePageTellsTheRefundInPlainWords_R4_R3() {
        String order = fixtures.issued(account.user(), Product.TLS_DV, "plain-revoke.example.com", voucher(), issuedAt);

        for (Locale language : LANGUAGES) {
            String page = readIn(language, account.admin(), "/orders/" + order + "/revoke");

            assertThat(page)
                    .contains(text("revoke.outcome.cancellation", language))
                    .contains(text("refund.route.voucher_returned.preview", language));
            PlainWords.assertPlain(page, "the revoke page of " + order + " in " + language);
        }
    }

    /**
     * Finding 8 (R6): an administrator's form revokes at once when "immediately" is ticked, and its
     * button then says "Revoke now" (the stylesheet shows the one of the two labels that applies).
     */
    @Test
    void anAdministratorsRevokeButtonSaysRevokeNowForAnImmediateRevocation_R6() {
        String order = fixtures.issued(account.user(), Product.TLS_DV, "revoke-now.example.com", card(), issuedAt);

        String english = Pages.main(body(getIn(Locale.ENGLISH, account.admin(), "/orders/" + order + "/revoke")));
        String japanese = Pages.main(body(getIn(Locale.JAPANESE, account.admin(), "/orders/" + order + "/revoke")));

        assertThat(english).contains("name=\"skipApproval\"", "<span class=\"when-immediate\">Revoke now</span>");
        assertThat(Pages.buttons(english, "danger")).containsExactly("Submit revocation request Revoke now");
        assertThat(japanese).contains("<span class=\"when-immediate\">今すぐ失効</span>");
        assertThat(Pages.buttons(japanese, "danger")).containsExactly("失効申請 今すぐ失効");
    }

    /**
     * Finding 9 (R5): code signing is revoked in the portal, so its support page says that and links to
     * the revoke form, instead of saying both "cannot be revoked in the portal" and "does not need
     * support"; an order not issued is told why; EV code signing still goes to support.
     */
    @Test
    void theSupportPageNeverSaysBothThatSupportIsNeededAndThatItIsNot_R5() {
        String inPortal =
                fixtures.issued(account.user(), Product.CODE_SIGNING, "cs-portal.example.com", card(), issuedAt);
        String pending = fixtures.pending(account.user(), Product.EV_CODE_SIGNING, "ev-pending.example.com", card());
        String bySupport =
                fixtures.issued(account.user(), Product.EV_CODE_SIGNING, "ev-support.example.com", card(), issuedAt);

        for (Locale language : LANGUAGES) {
            MvcTestResult codeSigning = getIn(language, account.user(), "/orders/" + inPortal + "/support-revocation");
            MvcTestResult notIssued = getIn(language, account.user(), "/orders/" + pending + "/support-revocation");
            MvcTestResult evCodeSigning =
                    getIn(language, account.user(), "/orders/" + bySupport + "/support-revocation");

            assertThat(codeSigning).hasStatus(HttpStatus.CONFLICT);
            assertThat(Pages.visibleText(body(codeSigning)))
                    .doesNotContain(supportWhy(Product.CODE_SIGNING, language))
                    .contains(text("support.not-needed", language));
            assertThat(Pages.links(Pages.main(body(codeSigning)), "")).contains("/orders/" + inPortal + "/revoke");
            assertThat(notIssued).hasStatus(HttpStatus.CONFLICT);
            assertThat(Pages.visibleText(body(notIssued)))
                    .contains(text("support.not-issued", language, pending, text("status.pending", language)))
                    .doesNotContain(supportWhy(Product.EV_CODE_SIGNING, language))
                    .doesNotContain(text("support.not-needed", language));
            assertThat(evCodeSigning).hasStatusOk();
            assertThat(Pages.visibleText(body(evCodeSigning)))
                    .contains(supportWhy(Product.EV_CODE_SIGNING, language))
                    .doesNotContain(text("support.not-needed", language));
        }
    }

    /** Finding 6 (R5, T2): the request to support is a mail in the outbox; the page says queued. */
    @Test
    void askingSupportSaysTheMailIsQueuedNotSent_R5_T2() {
        for (Locale language : LANGUAGES) {
            String order = fixtures.issued(
                    account.user(), Product.DOCUMENT_SIGNING, "support-" + language + ".example.com", card(), issuedAt);

            MvcTestResult result = postIn(
                    language,
                    account.user(),
                    "/orders/" + order + "/support-revocation",
                    "reason",
                    "key_compromise",
                    "note",
                    "The key was on a stolen laptop.",
                    "version",
                    version(order));

            assertThat(result).hasStatus3xxRedirection();
            assertThat(mails(order))
                    .singleElement()
                    .satisfies(mail -> assertThat(mail.isSent()).isFalse());
            assertThat(String.join(" ", notices(result)))
                    .as(language.toString())
                    .contains(language == Locale.JAPANESE ? "送信待ち" : "is queued")
                    .doesNotContain("送信しました", "was sent");
        }
    }

    private String supportWhy(Product product, Locale language) {
        return text("support.why", language, text(product.key(), language));
    }
}
