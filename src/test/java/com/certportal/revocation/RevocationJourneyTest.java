package com.certportal.revocation;

import static com.certportal.support.Fixtures.PaymentChoice.bankTransfer;
import static com.certportal.support.Fixtures.PaymentChoice.card;
import static com.certportal.support.Fixtures.PaymentChoice.voucher;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.catalog.Product;
import com.certportal.mail.MailKind;
import com.certportal.mail.MailProperties;
import com.certportal.order.Certificate;
import com.certportal.order.OrderStatus;
import com.certportal.order.RefundRoute;
import com.certportal.order.RevocationReason;
import com.certportal.refund.RefundCaseRepository;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.OrderState;
import com.certportal.voucher.Voucher;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * R1-R8 and A1-A3 on PostgreSQL through the web: a user asks, an administrator decides, the 30-day
 * rule is judged on the submission instant; support revocation for the products only support revokes.
 */
class RevocationJourneyTest extends ActionIntegrationTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    private RefundCaseRepository refundCases;

    @Autowired
    private MailProperties mailProperties;

    private TestAccount account;
    private Instant firstIssued;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount();
        firstIssued = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aUsersRevocationNeedsApprovalAndTheOrderStaysIssuedUntilDecided_R6_A1_A3() {
        String order = fixtures.issued(account.user(), Product.TLS_DV, "ask.example.com", card(), firstIssued);

        MvcTestResult result = post(
                account.user(),
                "/orders/" + order + "/revoke",
                "reason",
                "key_compromise",
                "comment",
                "key leaked",
                "version",
                version(order));

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/orders/" + order);
        OrderState after = state(order);
        assertThat(after.status()).isEqualTo(OrderStatus.ISSUED);
        assertThat(after.certificateStatuses()).containsOnly(Certificate.Status.VALID);
        RevocationRequest request = waitingRequest(order);
        assertThat(request.getReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(request.getComment()).isEqualTo("key leaked");
        assertThat(request.getRequester().getEmail()).isEqualTo(account.user().email());
        assertThat(history(order, AuditAction.REVOCATION_REQUESTED))
                .singleElement()
                .extracting(AuditRecord::getOutcome)
                .isEqualTo(AuditRecord.Outcome.DONE);

        assertThat(get(account.user(), "/orders/" + order))
                .as("R6: the order page says a request waits")
                .bodyText()
                .contains(shown("order.waiting-request.open"))
                .contains("/requests/" + request.getId());
        assertThat(get(account.user(), "/requests"))
                .as("A1: the user sees its own request")
                .bodyText()
                .contains(order)
                .contains(shown("request-status.needs_approval"));
        assertThat(get(account.user(), "/requests/" + request.getId()))
                .as("A3: and is told to ask an administrator")
                .bodyText()
                .contains(shown("request.ask-administrator"));
        assertThat(get(account.admin(), "/requests?status=needs_approval"))
                .as("A1: the administrator sees the account's waiting requests")
                .bodyText()
                .contains(order);
    }

    @Test
    void anAdministratorWhoDoesNotSkipApprovalAlsoCreatesARequestAndGoesToIt_R6() {
        String order = fixtures.issued(account.user(), Product.TLS_DV, "admin-ask.example.com", card(), firstIssued);

        MvcTestResult result = post(
                account.admin(), "/orders/" + order + "/revoke", "reason", "superseded", "version", version(order));

        RevocationRequest request = waitingRequest(order);
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/requests/" + request.getId());
        assertThat(state(order).status()).isEqualTo(OrderStatus.ISSUED);
    }

    @Test
    void approvingAnInWindowRequestRevokesTheOrderAndRunsRefundRouting_A2_R3_P4() {
        String order = fixtures.issued(account.user(), Product.TLS_DV, "approve.example.com", voucher(), firstIssued);
        clock.set(firstIssued.plus(DAY));
        Long requestId = submitAsUser(order, "cessation_of_operation");

        clock.set(firstIssued.plus(DAY.multipliedBy(2)));
        MvcTestResult result = post(account.admin(), "/requests/" + requestId + "/approve", "comment", "agreed");

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/requests/" + requestId);
        OrderState after = state(order);
        assertThat(after.status()).isEqualTo(OrderStatus.REVOKED);
        assertThat(after.certificateStatuses()).containsOnly(Certificate.Status.REVOKED);
        assertThat(after.revokedAt()).isEqualTo(firstIssued.plus(DAY.multipliedBy(2)));
        assertThat(after.treatedAsCancellation()).isTrue();
        assertThat(after.refundRoute()).isEqualTo(RefundRoute.VOUCHER_RETURNED);
        assertThat(after.voucherStatus()).isEqualTo(Voucher.Status.UNUSED);
        assertThat(revocationRequests.findById(requestId).orElseThrow().getStatus())
                .isEqualTo(RevocationRequest.Status.APPROVED);
        assertThat(history(order))
                .extracting(AuditRecord::getAction)
                .contains(AuditAction.REVOCATION_APPROVED, AuditAction.ORDER_REVOKED, AuditAction.REFUND_ROUTED);
        assertThat(mails(order)).as("R8: no mail when a revocation completes").isEmpty();
    }

    @Test
    void aRequestSubmittedExactlyThirtyDaysAfterIssueAndApprovedOnDay35IsACancellation_R3() {
        String order =
                fixtures.issued(account.user(), Product.TLS_DV, "day30.example.com", bankTransfer(true), firstIssued);
        clock.set(firstIssued.plus(Duration.ofDays(30)));
        Long requestId = submitAsUser(order, "unspecified");

        clock.set(firstIssued.plus(Duration.ofDays(35)));
        assertThat(post(account.admin(), "/requests/" + requestId + "/approve")).hasStatus3xxRedirection();

        OrderState after = state(order);
        assertThat(after.status()).isEqualTo(OrderStatus.REVOKED);
        assertThat(after.treatedAsCancellation())
                .as("the submission instant counts, not the approval instant")
                .isTrue();
        assertThat(after.refundRoute()).isEqualTo(RefundRoute.REFUND_CASE_OPENED);
        assertThat(refundCases.findByOrderId(after.id())).isPresent();
        assertThat(history(order, AuditAction.REFUND_ROUTED)).hasSize(1);
    }

    @Test
    void aRequestSubmittedOneSecondLaterIsOnlyARevocationAndNothingIsRefunded_R3() {
        String order = fixtures.issued(
                account.user(), Product.TLS_DV, "day30plus1s.example.com", bankTransfer(true), firstIssued);
        clock.set(firstIssued.plus(Duration.ofDays(30)).plusSeconds(1));
        Long requestId = submitAsUser(order, "unspecified");

        clock.set(firstIssued.plus(Duration.ofDays(31)));
        assertThat(post(account.admin(), "/requests/" + requestId + "/approve")).hasStatus3xxRedirection();

        OrderState after = state(order);
        assertThat(after.status()).isEqualTo(OrderStatus.REVOKED);
        assertThat(after.treatedAsCancellation()).isFalse();
        assertThat(after.refundRoute()).isNull();
        assertThat(refundCases.findByOrderId(after.id())).isEmpty();
        assertThat(history(order, AuditAction.REFUND_ROUTED)).isEmpty();
        assertThat(history(order, AuditAction.ORDER_REVOKED))
                .singleElement()
                .extracting(AuditRecord::getDetail)
                .isEqualTo("revocation-only");
    }

    @Test
    void anAdministratorRevokesImmediatelyOutsideTheWindowWithoutRefund_R6_R3() {
        String order = fixtures.issued(account.user(), Product.TLS_DV, "now-late.example.com", voucher(), firstIssued);
        clock.set(firstIssued.plus(Duration.ofDays(40)));

        MvcTestResult result = post(
                account.admin(),
                "/orders/" + order + "/revoke",
                "reason",
                "affiliation_changed",
                "skipApproval",
                "true",
                "version",
                version(order));

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/orders/" + order);
        OrderState after = state(order);
        assertThat(after.status()).isEqualTo(OrderStatus.REVOKED);
        assertThat(after.certificateStatuses()).containsOnly(Certificate.Status.REVOKED);
        assertThat(after.treatedAsCancellation()).isFalse();
        assertThat(after.refundRoute()).isNull();
        assertThat(after.voucherStatus()).as("nothing refunded").isEqualTo(Voucher.Status.USED);
        assertThat(requests(account.id(), order))
                .as("no request: it completed at once")
                .isEmpty();
        assertThat(notices(result)).contains(text("order.revocation-only", Locale.ENGLISH));
        assertThat(mails(order)).as("R8").isEmpty();
    }

    @Test
    void anAdministratorRevokesImmediatelyInsideTheWindowAndRefundRoutingRuns_R6_R3_P3() {
        String order = fixtures.issued(account.user(), Product.TLS_EV, "now-early.example.com", card(), firstIssued);
        clock.set(firstIssued.plus(Duration.ofDays(29)));

        MvcTestResult result = post(
                account.admin(),
                "/orders/" + order + "/revoke",
                "reason",
                "key_compromise",
                "skipApproval",
                "true",
                "version",
                version(order));

        assertThat(result).hasStatus3xxRedirection();
        OrderState after = state(order);
        assertThat(after.status()).isEqualTo(OrderStatus.REVOKED);
        assertThat(after.treatedAsCancellation()).isTrue();
        assertThat(after.refundRoute()).isEqualTo(RefundRoute.CARD_COMPANY);
        assertThat(notices(result))
                .contains(
                        text("order.treated-as-cancellation", Locale.ENGLISH),
                        text("refund.route.card_company.done", Locale.ENGLISH));
        assertThat(mails(order)).as("R8").isEmpty();
    }

    @Test
    void rejectingLeavesTheOrderIssuedAndMailsTheRequesterInItsLanguage_A2() {
        String order = fixtures.issued(account.user(), Product.TLS_DV, "reject.example.com", voucher(), firstIssued);
        Long requestId = submitAsUser(order, "superseded");

        MvcTestResult result = post(account.admin(), "/requests/" + requestId + "/reject", "comment", "still in use");

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/requests/" + requestId);
        OrderState after = state(order);
        assertThat(after.status()).isEqualTo(OrderStatus.ISSUED);
        assertThat(after.certificateStatuses()).containsOnly(Certificate.Status.VALID);
        assertThat(after.refundRoute()).isNull();
        assertThat(after.voucherStatus()).isEqualTo(Voucher.Status.USED);
        RevocationRequest request = revocationRequests.findById(requestId).orElseThrow();
        assertThat(request.getStatus()).isEqualTo(RevocationRequest.Status.REJECTED);
        assertThat(request.getDecisionComment()).isEqualTo("still in use");
        assertThat(mails(order)).singleElement().satisfies(mail -> {
            assertThat(mail.getKind()).isEqualTo(MailKind.REVOCATION_REJECTED);
            assertThat(mail.getRecipient()).isEqualTo(account.user().email());
            assertThat(mail.getLanguage()).as("the requester's language").isEqualTo("ja");
            assertThat(mail.getSubject()).isEqualTo(text("mail.revocation_rejected.subject", Locale.JAPANESE, order));
            assertThat(mail.getBody())
                    .contains(order)
                    .contains("still in use")
                    .contains(text("revocation-reason.superseded", Locale.JAPANESE));
        });
        assertThat(history(order, AuditAction.REVOCATION_REJECTED))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getOutcome()).isEqualTo(AuditRecord.Outcome.DONE);
                    assertThat(r.getActorEmail()).isEqualTo(account.admin().email());
                    assertThat(r.getComment()).isEqualTo("still in use");
                });
        assertThat(get(account.user(), "/orders/" + order + "/revoke"))
                .as("after a rejection the order can be revoked again (R7 only blocks while one waits)")
                .hasStatusOk();
    }

    @Test
    void theRevokePageStatesTheOutcomeAndTheDeadlineInTheUsersTimeZone_R4_R3() {
        Instant issued = Instant.parse("2026-03-01T00:00:00Z");
        clock.set(issued.minus(Duration.ofHours(1)));
        String order = fixtures.issued(account.user(), Product.TLS_DV, "preview.example.com", voucher(), issued);

        clock.set(issued.plus(Duration.ofDays(30)));
        MvcTestResult onTheDeadline = get(account.user(), "/orders/" + order + "/revoke");
        clock.set(issued.plus(Duration.ofDays(30)).plusSeconds(1));
        MvcTestResult aSecondLater = get(account.user(), "/orders/" + order + "/revoke");

        assertThat(onTheDeadline).hasStatusOk();
        assertThat(onTheDeadline)
                .bodyText()
                .contains(shown("revoke.outcome.cancellation"))
                .contains(shown("refund.route.voucher_returned.preview"))
                .as("the deadline in Asia/Tokyo, to the second")
                .contains("2026-03-31 09:00:00 JST");
        assertThat(aSecondLater)
                .bodyText()
                .contains(shown("revoke.outcome.revocation-only"))
                .doesNotContain(shown("refund.route.voucher_returned.preview"))
                .contains("2026-03-31 09:00:00 JST");
        assertThat(state(order).status()).as("showing the page changes nothing").isEqualTo(OrderStatus.ISSUED);
    }

    @Test
    void onlyAdministratorsAreOfferedImmediateRevocation_R6() {
        String order = fixtures.issued(account.user(), Product.TLS_DV, "offer.example.com", card(), firstIssued);

        assertThat(get(account.admin(), "/orders/" + order + "/revoke"))
                .bodyText()
                .contains("name=\"skipApproval\"")
                .contains(shown("revoke.skip.label"));
        assertThat(get(account.user(), "/orders/" + order + "/revoke"))
                .bodyText()
                .doesNotContain("name=\"skipApproval\"")
                .contains(shown("revoke.needs-approval"));
    }

    @Test
    void theRequestsPageListsWaitingRequestsFirstThenTheNewest_A1() {
        String older =
                fixtures.issued(account.user(), Product.TLS_DV, "older-waiting.example.com", card(), firstIssued);
        String newer =
                fixtures.issued(account.user(), Product.TLS_DV, "newer-decided.example.com", card(), firstIssued);
        clock.set(firstIssued.plusSeconds(60));
        submitAsUser(older, "unspecified");
        clock.set(firstIssued.plusSeconds(120));
        Long decided = submitAsUser(newer, "superseded");
        assertThat(post(account.admin(), "/requests/" + decided + "/reject")).hasStatus3xxRedirection();

        String all = body(get(account.admin(), "/requests"));
        MvcTestResult rejectedOnly = get(account.admin(), "/requests?status=rejected");

        assertThat(all.indexOf(older)).as("waiting first").isPositive().isLessThan(all.indexOf(newer));
        assertThat(rejectedOnly).bodyText().contains(newer).doesNotContain(older);
        assertThat(get(account.admin(), "/requests?status=bogus")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @ParameterizedTest
    @EnumSource(
            value = Product.class,
            names = {"DOCUMENT_SIGNING", "PRIVATE", "EV_CODE_SIGNING"})
    void productsOnlySupportRevokesGoToSupportWithTheNoteAndKeepTheirStatus_R5(Product product) {
        String order = fixtures.issued(account.user(), product, "support.example.com", card(), firstIssued);

        assertThat(get(account.user(), "/orders/" + order + "/revoke"))
                .as("the revoke form leads to the support form")
                .hasRedirectedUrl("/orders/" + order + "/support-revocation");
        MvcTestResult result = post(
                account.user(),
                "/orders/" + order + "/support-revocation",
                "reason",
                "key_compromise",
                "note",
                "The signing key was on a stolen laptop.",
                "version",
                version(order));

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/orders/" + order);
        OrderState after = state(order);
        assertThat(after.status()).isEqualTo(OrderStatus.ISSUED);
        assertThat(after.certificateStatuses()).containsOnly(Certificate.Status.VALID);
        assertThat(after.supportRevocationNote()).isEqualTo("The signing key was on a stolen laptop.");
        assertThat(after.supportRevocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(after.supportRevocationRequestedAt()).isNotNull();
        assertThat(requests(account.id(), order)).isEmpty();
        assertThat(mails(order)).singleElement().satisfies(mail -> {
            assertThat(mail.getKind()).isEqualTo(MailKind.SUPPORT_REVOCATION);
            assertThat(mail.getRecipient()).isEqualTo(mailProperties.supportAddress());
            assertThat(mail.getSubject()).contains(order);
            assertThat(mail.getBody())
                    .contains(order)
                    .contains("The signing key was on a stolen laptop.")
                    .contains(text(
                            "revocation-reason.key_compromise",
                            Locale.forLanguageTag(mailProperties.supportLanguage())));
        });
        assertThat(get(account.user(), "/orders/" + order))
                .as("the note is shown on the order")
                .bodyText()
                .contains("The signing key was on a stolen laptop.");
    }

    private Long submitAsUser(String order, String reason) {
        assertThat(post(account.user(), "/orders/" + order + "/revoke", "reason", reason, "version", version(order)))
                .hasStatus3xxRedirection();
        return waitingRequest(order).getId();
    }

    private RevocationRequest waitingRequest(String order) {
        List<RevocationRequest> all = requests(account.id(), order);
        assertThat(all)
                .singleElement()
                .extracting(RevocationRequest::getStatus)
                .isEqualTo(RevocationRequest.Status.NEEDS_APPROVAL);
        return all.get(0);
    }
}
