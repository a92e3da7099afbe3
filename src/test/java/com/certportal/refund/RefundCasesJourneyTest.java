package com.certportal.refund;

import static com.certportal.support.Fixtures.PaymentChoice.bankTransfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.catalog.Product;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import com.certportal.support.PlainWords;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** P2: the finance manager's refund cases, from the cancellation that opens one to the refund. */
class RefundCasesJourneyTest extends ActionIntegrationTest {

    @Autowired
    private RefundCaseRepository refundCases;

    private TestAccount account;
    private String order;
    private Long caseId;

    @BeforeEach
    void aCancelledPaidBankTransfer() {
        account = fixtures.newAccount();
        order = fixtures.pending(account.user(), Product.TLS_OV, "refund.example.com", bankTransfer(true));
        assertThat(post(account.user(), "/orders/" + order + "/cancel", "version", version(order)))
                .hasStatus3xxRedirection();
        caseId = refundCases.findByOrderId(state(order).id()).orElseThrow().getId();
    }

    @Test
    void theFinanceManagerSeesTheAccountsRefundCasesWithTheAmount_P2() {
        MvcTestResult page = get(account.finance(), "/refunds");

        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains(order)
                .contains("60,000\u00a0JPY") // a no-break space: the amount never wraps from its currency
                .contains(account.user().email())
                .contains(shown("refund-status.open"))
                .contains("/refunds/" + caseId + "/contacted");
        assertThat(get(account.admin(), "/refunds"))
                .as("administrators too")
                .bodyText()
                .contains(order);
    }

    @Test
    void theFinanceManagerMarksACaseContactedThenRefunded_P2_T1() {
        MvcTestResult contacted = post(account.finance(), "/refunds/" + caseId + "/contacted");

        assertThat(contacted).hasStatus3xxRedirection().hasRedirectedUrl("/refunds");
        RefundCase afterContact = refundCases.findById(caseId).orElseThrow();
        assertThat(afterContact.getStatus()).isEqualTo(RefundCase.Status.CONTACTED);
        assertThat(afterContact.getContactedAt()).isNotNull();

        MvcTestResult refunded = post(account.finance(), "/refunds/" + caseId + "/refunded");

        assertThat(refunded).hasStatus3xxRedirection().hasRedirectedUrl("/refunds");
        RefundCase afterRefund = refundCases.findById(caseId).orElseThrow();
        assertThat(afterRefund.getStatus()).isEqualTo(RefundCase.Status.REFUNDED);
        assertThat(afterRefund.getRefundedAt()).isNotNull();
        assertThat(history(order))
                .filteredOn(r -> r.getAction() == AuditAction.REFUND_CASE_CONTACTED
                        || r.getAction() == AuditAction.REFUND_CASE_REFUNDED)
                .extracting(AuditRecord::getAction, AuditRecord::getOutcome, AuditRecord::getActorEmail)
                .containsExactly(
                        tuple(
                                AuditAction.REFUND_CASE_CONTACTED,
                                AuditRecord.Outcome.DONE,
                                account.finance().email()),
                        tuple(
                                AuditAction.REFUND_CASE_REFUNDED,
                                AuditRecord.Outcome.DONE,
                                account.finance().email()));
        assertThat(get(account.finance(), "/refunds")).bodyText().contains(shown("refund-status.refunded"));
    }

    @Test
    void markingARefundedCaseAgainIsRefusedAndChangesNothing_P2() {
        assertThat(post(account.finance(), "/refunds/" + caseId + "/refunded")).hasStatus3xxRedirection();
        RefundCase refunded = refundCases.findById(caseId).orElseThrow();

        MvcTestResult again = post(account.finance(), "/refunds/" + caseId + "/refunded");
        MvcTestResult contacted = post(account.finance(), "/refunds/" + caseId + "/contacted");

        for (MvcTestResult result : List.of(again, contacted)) {
            assertThat(result).hasStatus(HttpStatus.CONFLICT);
            assertThat(result).bodyText().contains(shown("refund.refused.status", caseId, "refund-status.refunded"));
        }
        RefundCase after = refundCases.findById(caseId).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(RefundCase.Status.REFUNDED);
        assertThat(after.getVersion()).isEqualTo(refunded.getVersion());
        assertThat(refusals(account.id()))
                .filteredOn(r -> "refund.refused.status".equals(r.getDetail()))
                .hasSize(2);
    }

    /**
     * Issue 9, finding 8 (P2): marking a case refunded closes it for good, so the button says it records
     * the refund as final, and its title says when to press it; in both languages.
     */
    @Test
    void theFinalButtonSaysItRecordsTheRefundForGood_P2() {
        String english = Pages.body(getIn(Locale.ENGLISH, account.finance(), "/refunds"));
        String japanese = Pages.body(getIn(Locale.JAPANESE, account.finance(), "/refunds"));

        assertThat(Pages.buttons(english, "primary")).containsExactly("Record as refunded (final)");
        assertThat(english).contains("title=\"" + shown("refund.case.mark-refunded.help") + "\"");
        assertThat(Pages.buttons(japanese, "primary")).containsExactly("返金済みとして記録する (取り消せません)");
        assertThat(japanese).contains("title=\"" + shownIn(Locale.JAPANESE, "refund.case.mark-refunded.help") + "\"");
    }

    /** Issue 9, finding 7: the refund cases speak plain words, no rule ids, in both languages. */
    @Test
    void theRefundCasesAreToldInPlainWords_P2() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            String page = readIn(language, account.finance(), "/refunds");

            assertThat(page).contains(order, text("refund-status.open", language));
            PlainWords.assertPlain(page, "the refund cases in " + language);
        }
    }

    @Test
    void aUserCannotSeeOrWorkRefundCases() {
        assertThat(get(account.user(), "/refunds")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(account.user(), "/refunds/" + caseId + "/contacted")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(account.user(), "/refunds/" + caseId + "/refunded")).hasStatus(HttpStatus.FORBIDDEN);

        assertThat(refundCases.findById(caseId).orElseThrow().getStatus()).isEqualTo(RefundCase.Status.OPEN);
    }

    @Test
    void anotherAccountsFinanceManagerNeitherSeesNorWorksTheCase() {
        TestAccount other = fixtures.newAccount();

        assertThat(get(other.finance(), "/refunds")).bodyText().doesNotContain(order);
        assertThat(post(other.finance(), "/refunds/" + caseId + "/contacted")).hasStatus(HttpStatus.NOT_FOUND);

        assertThat(refundCases.findById(caseId).orElseThrow().getStatus()).isEqualTo(RefundCase.Status.OPEN);
    }
}
