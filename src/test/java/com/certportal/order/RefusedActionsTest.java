package com.certportal.order;

import static com.certportal.support.Fixtures.PaymentChoice.bankTransfer;
import static com.certportal.support.Fixtures.PaymentChoice.card;
import static com.certportal.support.Fixtures.PaymentChoice.voucher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.account.CurrentMember;
import com.certportal.action.FormInput;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.catalog.Product;
import com.certportal.revocation.RevocationRequest;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.OrderState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every refusal of C, R, A (and the roles): the form is re-shown with a translated message and a real
 * status, nothing changes, and the refusal is in the trail (T1).
 */
class RefusedActionsTest extends ActionIntegrationTest {

    private static final String NO_SUCH_ORDER = "00000042";

    private TestAccount account;
    private Instant issuedAt;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount();
        issuedAt = clock.instant();
    }

    @Test
    void cancellingAnIssuedOrderIsRefused_C1() {
        String order = issued(account.user(), "c1.example.com");
        OrderState before = state(order);

        MvcTestResult result = post(account.user(), "/orders/" + order + "/cancel", "version", version(order));

        assertRefused(result, HttpStatus.CONFLICT, shown("order.refused.cancel-not-pending", order, "status.issued"));
        assertThat(state(order)).isEqualTo(before);
        assertRefusalRecorded(order, AuditAction.ORDER_CANCELED, "order.refused.cancel-not-pending");
    }

    @Test
    void theRefusalIsShownInTheMembersLanguage_C1() {
        String order = issued(account.user(), "c1-ja.example.com");

        MvcTestResult result = mvc.post()
                .uri("/orders/" + order + "/cancel")
                .param("version", version(order))
                .locale(Locale.JAPANESE)
                .with(user(account.user()))
                .with(csrf())
                .exchange();

        assertRefused(
                result,
                HttpStatus.CONFLICT,
                shownIn(Locale.JAPANESE, "order.refused.cancel-not-pending", order, "status.issued"));
        assertThat(result).bodyText().contains("発行済み");
    }

    @Test
    void cancellingAnAlreadyCancelledOrderIsRefused_C1() {
        String order = fixtures.pending(account.user(), Product.TLS_DV, "c1-twice.example.com", voucher());
        String shownVersion = version(order);
        assertThat(post(account.user(), "/orders/" + order + "/cancel", "version", shownVersion))
                .hasStatus3xxRedirection();
        OrderState canceled = state(order);

        MvcTestResult again = post(account.user(), "/orders/" + order + "/cancel", "version", version(order));

        assertRefused(again, HttpStatus.CONFLICT, shown("order.refused.cancel-not-pending", order, "status.canceled"));
        assertThat(state(order)).as("refund routing did not run twice").isEqualTo(canceled);
        assertThat(history(order, AuditAction.REFUND_ROUTED)).hasSize(1);
        assertRefusalRecorded(order, AuditAction.ORDER_CANCELED, "order.refused.cancel-not-pending");
    }

    @Test
    void revokingAPendingOrderIsRefused_R1() {
        String order = fixtures.pending(account.user(), Product.TLS_DV, "r1.example.com", card());
        OrderState before = state(order);

        MvcTestResult result = revoke(account.user(), order, "unspecified", null, null, version(order));

        assertRefused(result, HttpStatus.CONFLICT, shown("order.refused.revoke-not-issued", order, "status.pending"));
        assertNothingChanged(order, before);
        assertRefusalRecorded(order, AuditAction.REVOCATION_REQUESTED, "order.refused.revoke-not-issued");
    }

    @Test
    void revokingARevokedOrderIsRefused_R1() {
        String order = issued(account.user(), "r1-revoked.example.com");
        assertThat(revoke(account.admin(), order, "unspecified", null, "true", version(order)))
                .hasStatus3xxRedirection();
        OrderState revoked = state(order);

        MvcTestResult again = revoke(account.admin(), order, "unspecified", null, "true", version(order));

        assertRefused(again, HttpStatus.CONFLICT, shown("order.refused.revoke-not-issued", order, "status.revoked"));
        assertThat(state(order)).isEqualTo(revoked);
        assertRefusalRecorded(order, AuditAction.ORDER_REVOKED, "order.refused.revoke-not-issued");
    }

    @Test
    void aSecondRevocationRequestWhileOneWaitsIsRefused_R7() {
        String order = issued(account.user(), "r7.example.com");
        assertThat(revoke(account.user(), order, "superseded", null, null, version(order)))
                .hasStatus3xxRedirection();
        OrderState waiting = state(order);

        MvcTestResult second = revoke(account.user(), order, "key_compromise", "again", null, version(order));

        assertRefused(second, HttpStatus.CONFLICT, shown("revocation.refused.waiting", order));
        assertThat(state(order)).isEqualTo(waiting);
        assertThat(requests(account.id(), order)).hasSize(1);
        assertRefusalRecorded(order, AuditAction.REVOCATION_REQUESTED, "revocation.refused.waiting");

        MvcTestResult adminImmediately = revoke(account.admin(), order, "key_compromise", null, "true", version(order));

        assertRefused(adminImmediately, HttpStatus.CONFLICT, shown("revocation.refused.waiting", order));
        assertThat(state(order).status()).isEqualTo(OrderStatus.ISSUED);
    }

    @Test
    void skipApprovalSentByAUserIsRefusedAndRecorded_R6() {
        String order = issued(account.user(), "r6.example.com");
        OrderState before = state(order);

        MvcTestResult result = revoke(account.user(), order, "key_compromise", null, "true", version(order));

        assertRefused(result, HttpStatus.FORBIDDEN, shown("revocation.refused.skip-approval"));
        assertNothingChanged(order, before);
        AuditRecord refusal =
                assertRefusalRecorded(order, AuditAction.ORDER_REVOKED, "revocation.refused.skip-approval");
        assertThat(refusal.getActorEmail()).isEqualTo(account.user().email());
        assertThat(refusal.getReason()).isEqualTo("key_compromise");
    }

    @Test
    void decidingAnAlreadyDecidedRequestIsRefusedAndChangesNothing_A4() {
        String order = issued(account.user(), "a4.example.com");
        Long requestId = requestRevocation(order);
        assertThat(post(account.admin(), "/requests/" + requestId + "/approve", "comment", "first"))
                .hasStatus3xxRedirection();
        OrderState approved = state(order);
        RevocationRequest decided = revocationRequests.findById(requestId).orElseThrow();

        MvcTestResult reject = post(account.admin(), "/requests/" + requestId + "/reject", "comment", "second");
        MvcTestResult approveAgain = post(account.admin(), "/requests/" + requestId + "/approve");

        for (MvcTestResult result : List.of(reject, approveAgain)) {
            assertRefused(
                    result,
                    HttpStatus.CONFLICT,
                    shown("request.refused.decided", requestId, "request-status.approved"));
        }
        RevocationRequest after = revocationRequests.findById(requestId).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(RevocationRequest.Status.APPROVED);
        assertThat(after.getDecisionComment()).isEqualTo("first");
        assertThat(after.getVersion()).isEqualTo(decided.getVersion());
        assertThat(state(order)).isEqualTo(approved);
        assertThat(mails(order)).as("a refused rejection mails nobody").isEmpty();
        assertThat(refusals(account.id()))
                .filteredOn(r -> "request.refused.decided".equals(r.getDetail()))
                .extracting(AuditRecord::getAction)
                .containsExactlyInAnyOrder(AuditAction.REVOCATION_REJECTED, AuditAction.REVOCATION_APPROVED);
    }

    @Test
    void aUserOrFinanceManagerCannotDecideARequest_A2() {
        String order = issued(account.user(), "a2-rights.example.com");
        Long requestId = requestRevocation(order);
        OrderState before = state(order);

        for (CurrentMember member : List.of(account.user(), account.finance())) {
            MvcTestResult approve = post(member, "/requests/" + requestId + "/approve");
            MvcTestResult reject = post(member, "/requests/" + requestId + "/reject");

            assertRefused(approve, HttpStatus.FORBIDDEN, shown("request.refused.not-administrator"));
            assertRefused(reject, HttpStatus.FORBIDDEN, shown("request.refused.not-administrator"));
        }
        assertThat(revocationRequests.findById(requestId).orElseThrow().getStatus())
                .isEqualTo(RevocationRequest.Status.NEEDS_APPROVAL);
        assertThat(state(order)).isEqualTo(before);
        assertThat(mails(order)).isEmpty();
        assertThat(refusals(account.id()))
                .filteredOn(r -> "request.refused.not-administrator".equals(r.getDetail()))
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.getRequestId()).isEqualTo(requestId));
    }

    @Test
    void anotherAccountsOrderIsAnswered404LikeAnOrderThatDoesNotExist() {
        TestAccount other = fixtures.newAccount();
        String pending = fixtures.pending(other.user(), Product.TLS_DV, "foreign.example.com", card());
        String issued = issued(other.user(), "foreign-issued.example.com");
        OrderState pendingBefore = state(pending);
        OrderState issuedBefore = state(issued);
        String notFoundPage = normalised(post(account.admin(), "/orders/" + NO_SUCH_ORDER + "/cancel", "version", "0"));

        List<MvcTestResult> attempts = List.of(
                get(account.admin(), "/orders/" + pending),
                get(account.admin(), "/orders/" + pending + "/cancel"),
                post(account.admin(), "/orders/" + pending + "/cancel", "version", version(pending)),
                revoke(account.admin(), issued, "unspecified", null, "true", version(issued)),
                post(
                        account.admin(),
                        "/orders/" + issued + "/support-revocation",
                        "reason",
                        "unspecified",
                        "note",
                        "n",
                        "version",
                        version(issued)));

        for (MvcTestResult attempt : attempts) {
            assertThat(attempt).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(attempt).bodyText().doesNotContain("foreign");
        }
        assertThat(normalised(attempts.get(2))).isEqualTo(notFoundPage.replace(NO_SUCH_ORDER, pending));
        assertThat(state(pending)).isEqualTo(pendingBefore);
        assertThat(state(issued)).isEqualTo(issuedBefore);
        assertThat(refusals(account.id()))
                .filteredOn(r -> "not-found".equals(r.getDetail()))
                .extracting(AuditRecord::getOrderNumber)
                .contains(pending, issued, NO_SUCH_ORDER);
        assertThat(refusals(account.id()))
                .as("the refusal names no order of the other account by id")
                .allSatisfy(r -> assertThat(r.getOrderId()).isNull());
    }

    @Test
    void anotherAccountsRequestIsAnswered404() {
        TestAccount other = fixtures.newAccount();
        String order = issued(other.user(), "foreign-request.example.com");
        assertThat(revoke(other.user(), order, "unspecified", null, null, version(order)))
                .hasStatus3xxRedirection();
        Long requestId = requests(other.id(), order).get(0).getId();

        assertThat(get(account.admin(), "/requests/" + requestId)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post(account.admin(), "/requests/" + requestId + "/approve")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post(account.admin(), "/requests/" + requestId + "/reject")).hasStatus(HttpStatus.NOT_FOUND);

        assertThat(revocationRequests.findById(requestId).orElseThrow().getStatus())
                .isEqualTo(RevocationRequest.Status.NEEDS_APPROVAL);
        assertThat(state(order).status()).isEqualTo(OrderStatus.ISSUED);
        assertThat(get(account.admin(), "/requests")).bodyText().doesNotContain(order);
    }

    @Test
    void aUserCannotActOnAnOrderItDidNotRequest() {
        String pending = fixtures.pending(account.admin(), Product.TLS_DV, "admins-own.example.com", card());
        String issued = issued(account.admin(), "admins-issued.example.com");
        OrderState pendingBefore = state(pending);
        OrderState issuedBefore = state(issued);

        assertThat(post(account.user(), "/orders/" + pending + "/cancel", "version", version(pending)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(revoke(account.user(), issued, "unspecified", null, null, version(issued)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get(account.user(), "/orders/" + issued)).hasStatus(HttpStatus.NOT_FOUND);

        assertThat(state(pending)).isEqualTo(pendingBefore);
        assertThat(state(issued)).isEqualTo(issuedBefore);
        assertThat(requests(account.id(), issued)).isEmpty();
        assertThat(refusals(account.id()))
                .filteredOn(r -> "not-found".equals(r.getDetail()))
                .extracting(AuditRecord::getOrderNumber)
                .contains(pending, issued);
    }

    @Test
    void anUnknownReasonIsBadInput_R2() {
        String order = issued(account.user(), "r2.example.com");
        OrderState before = state(order);

        MvcTestResult result = revoke(account.user(), order, "ca_compromise", null, null, version(order));

        assertRefused(result, HttpStatus.BAD_REQUEST, shown("revocation.invalid-reason"));
        assertNothingChanged(order, before);
        assertRefusalRecorded(order, AuditAction.REVOCATION_REQUESTED, "revocation.invalid-reason");
    }

    @Test
    void aRevocationWithoutAReasonIsRefusedAndNothingIsPreselected_R2() {
        String order = issued(account.user(), "no-reason.example.com");
        OrderState before = state(order);

        assertThat(body(get(account.user(), "/orders/" + order + "/revoke"))).doesNotContain("checked=\"checked\"");
        MvcTestResult result = post(account.user(), "/orders/" + order + "/revoke", "version", version(order));

        assertRefused(result, HttpStatus.BAD_REQUEST, shown("revocation.invalid-reason"));
        assertNothingChanged(order, before);
        assertRefusalRecorded(order, AuditAction.REVOCATION_REQUESTED, "revocation.invalid-reason");
    }

    @Test
    void aCommentOverOneThousandCharactersIsBadInput() {
        String order = issued(account.user(), "long-comment.example.com");
        OrderState before = state(order);

        MvcTestResult result = revoke(account.user(), order, "unspecified", "c".repeat(1001), null, version(order));

        assertRefused(result, HttpStatus.BAD_REQUEST, shown("form.too-long", FormInput.COMMENT_MAX));
        assertNothingChanged(order, before);
        assertRefusalRecorded(order, AuditAction.REVOCATION_REQUESTED, "form.too-long");
    }

    @Test
    void aDecisionCommentOverOneThousandCharactersIsBadInput_A2() {
        String order = issued(account.user(), "long-decision.example.com");
        Long requestId = requestRevocation(order);

        MvcTestResult result = post(account.admin(), "/requests/" + requestId + "/reject", "comment", "d".repeat(1001));

        assertRefused(result, HttpStatus.BAD_REQUEST, shown("form.too-long", FormInput.COMMENT_MAX));
        assertThat(revocationRequests.findById(requestId).orElseThrow().isWaiting())
                .isTrue();
        assertThat(mails(order)).isEmpty();
    }

    @Test
    void aSupportNoteOverTwoThousandCharactersOrMissingOrAnUnknownReasonIsBadInput_R5_R2() {
        String order = fixtures.issued(account.user(), Product.DOCUMENT_SIGNING, "note.example.com", card(), issuedAt);
        OrderState before = state(order);

        MvcTestResult tooLong = post(
                account.user(),
                "/orders/" + order + "/support-revocation",
                "reason",
                "unspecified",
                "note",
                "n".repeat(2001),
                "version",
                version(order));
        MvcTestResult missing = post(
                account.user(),
                "/orders/" + order + "/support-revocation",
                "reason",
                "unspecified",
                "note",
                "   ",
                "version",
                version(order));

        MvcTestResult unknownReason = post(
                account.user(),
                "/orders/" + order + "/support-revocation",
                "reason",
                "lost_interest",
                "note",
                "please",
                "version",
                version(order));

        assertRefused(tooLong, HttpStatus.BAD_REQUEST, shown("form.too-long", FormInput.NOTE_MAX));
        assertRefused(unknownReason, HttpStatus.BAD_REQUEST, shown("revocation.invalid-reason"));
        assertRefused(missing, HttpStatus.BAD_REQUEST, shown("support.note-required"));
        assertThat(state(order)).isEqualTo(before);
        assertThat(mails(order)).isEmpty();
        assertRefusalRecorded(order, AuditAction.SUPPORT_REVOCATION_REQUESTED, "form.too-long");
        assertRefusalRecorded(order, AuditAction.SUPPORT_REVOCATION_REQUESTED, "support.note-required");
        assertRefusalRecorded(order, AuditAction.SUPPORT_REVOCATION_REQUESTED, "revocation.invalid-reason");
    }

    @Test
    void aFormShownAtAnOlderVersionIsRefusedAsStale() {
        String pending = fixtures.pending(account.user(), Product.TLS_DV, "stale-cancel.example.com", card());
        String issued = issued(account.user(), "stale-revoke.example.com");
        String support =
                fixtures.issued(account.user(), Product.PRIVATE, "stale-support.example.com", card(), issuedAt);
        OrderState pendingBefore = state(pending);
        OrderState issuedBefore = state(issued);
        OrderState supportBefore = state(support);

        MvcTestResult cancel = post(account.user(), "/orders/" + pending + "/cancel", "version", older(pending));
        MvcTestResult revoke = revoke(account.user(), issued, "unspecified", null, null, older(issued));
        MvcTestResult toSupport = post(
                account.user(),
                "/orders/" + support + "/support-revocation",
                "reason",
                "unspecified",
                "note",
                "please",
                "version",
                older(support));

        assertRefused(cancel, HttpStatus.CONFLICT, shown("order.refused.stale", pending, "status.pending"));
        assertRefused(revoke, HttpStatus.CONFLICT, shown("order.refused.stale", issued, "status.issued"));
        assertRefused(toSupport, HttpStatus.CONFLICT, shown("order.refused.stale", support, "status.issued"));
        assertThat(state(pending)).isEqualTo(pendingBefore);
        assertNothingChanged(issued, issuedBefore);
        assertThat(state(support)).isEqualTo(supportBefore);
        assertThat(mails(support)).isEmpty();
        assertRefusalRecorded(pending, AuditAction.ORDER_CANCELED, "order.refused.stale");
        assertRefusalRecorded(issued, AuditAction.REVOCATION_REQUESTED, "order.refused.stale");
        assertRefusalRecorded(support, AuditAction.SUPPORT_REVOCATION_REQUESTED, "order.refused.stale");
    }

    /**
     * Issue 9, finding 9 (C1, R1): a form made stale because someone else already did what it asks says
     * what happened (the order is canceled, or revoked), not "try again", which could only fail again.
     */
    @Test
    void aFormMadeStaleBySomeoneWhoAlreadyDidItSaysWhatHappenedInsteadOfTryAgain_C1_R1() {
        String pending = fixtures.pending(account.user(), Product.TLS_DV, "done-cancel.example.com", voucher());
        String issued = issued(account.user(), "done-revoke.example.com");
        String cancelShown = version(pending);
        String revokeShown = version(issued);
        // An administrator, in another window, does both first.
        assertThat(post(account.admin(), "/orders/" + pending + "/cancel", "version", cancelShown))
                .hasStatus3xxRedirection();
        assertThat(revoke(account.admin(), issued, "superseded", null, "true", revokeShown))
                .hasStatus3xxRedirection();

        MvcTestResult cancel = post(account.user(), "/orders/" + pending + "/cancel", "version", cancelShown);
        MvcTestResult revoke = revoke(account.user(), issued, "unspecified", null, null, revokeShown);

        assertRefused(
                cancel, HttpStatus.CONFLICT, shown("order.refused.cancel-not-pending", pending, "status.canceled"));
        assertRefused(revoke, HttpStatus.CONFLICT, shown("order.refused.revoke-not-issued", issued, "status.revoked"));
        for (MvcTestResult result : List.of(cancel, revoke)) {
            assertThat(result).bodyText().doesNotContainIgnoringCase("try again");
        }
    }

    @Test
    void aFinanceManagerCannotCancelRevokeOrAskSupport() {
        String pending = fixtures.pending(account.user(), Product.TLS_DV, "finance-cancel.example.com", card());
        String issued = issued(account.user(), "finance-revoke.example.com");
        String support = fixtures.issued(
                account.user(), Product.DOCUMENT_SIGNING, "finance-support.example.com", card(), issuedAt);
        OrderState pendingBefore = state(pending);
        OrderState issuedBefore = state(issued);
        OrderState supportBefore = state(support);

        MvcTestResult cancel = post(account.finance(), "/orders/" + pending + "/cancel", "version", version(pending));
        MvcTestResult revoke = revoke(account.finance(), issued, "unspecified", null, null, version(issued));

        MvcTestResult toSupport = post(
                account.finance(),
                "/orders/" + support + "/support-revocation",
                "reason",
                "unspecified",
                "note",
                "please",
                "version",
                version(support));

        assertRefused(cancel, HttpStatus.FORBIDDEN, shown("order.refused.read-only", pending));
        assertRefused(revoke, HttpStatus.FORBIDDEN, shown("order.refused.read-only", issued));
        assertRefused(toSupport, HttpStatus.FORBIDDEN, shown("order.refused.read-only", support));
        assertThat(state(support)).isEqualTo(supportBefore);
        assertThat(mails(support)).isEmpty();
        assertThat(state(pending)).isEqualTo(pendingBefore);
        assertNothingChanged(issued, issuedBefore);
        assertRefusalRecorded(pending, AuditAction.ORDER_CANCELED, "order.refused.read-only");
        assertRefusalRecorded(issued, AuditAction.REVOCATION_REQUESTED, "order.refused.read-only");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsForbiddenAndChangesNothing() {
        String pending = fixtures.pending(account.user(), Product.TLS_DV, "csrf.example.com", bankTransfer(true));
        String issued = issued(account.user(), "csrf-revoke.example.com");
        OrderState pendingBefore = state(pending);
        OrderState issuedBefore = state(issued);

        MvcTestResult cancel = mvc.post()
                .uri("/orders/" + pending + "/cancel")
                .param("version", version(pending))
                .with(user(account.user()))
                .exchange();
        MvcTestResult revoke = mvc.post()
                .uri("/orders/" + issued + "/revoke")
                .param("reason", "unspecified")
                .param("version", version(issued))
                .with(user(account.user()))
                .exchange();

        assertThat(cancel).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(revoke).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(state(pending)).isEqualTo(pendingBefore);
        assertNothingChanged(issued, issuedBefore);
    }

    private String issued(CurrentMember requester, String commonName) {
        return fixtures.issued(requester, Product.TLS_DV, commonName, card(), issuedAt);
    }

    private MvcTestResult revoke(
            CurrentMember by, String order, String reason, String comment, String skipApproval, String version) {
        List<String> params = new ArrayList<>(List.of("reason", reason, "version", version));
        if (comment != null) {
            params.addAll(List.of("comment", comment));
        }
        if (skipApproval != null) {
            params.addAll(List.of("skipApproval", skipApproval));
        }
        return post(by, "/orders/" + order + "/revoke", params.toArray(String[]::new));
    }

    private Long requestRevocation(String order) {
        assertThat(revoke(account.user(), order, "unspecified", null, null, version(order)))
                .hasStatus3xxRedirection();
        return requests(account.id(), order).get(0).getId();
    }

    private String older(String order) {
        return String.valueOf(state(order).version() - 1);
    }

    /** The form is re-shown (not redirected) with the translated reason, never the raw key. */
    private static void assertRefused(MvcTestResult result, HttpStatus status, String message) {
        assertThat(result).hasStatus(status);
        assertThat(result)
                .bodyText()
                .contains(message)
                .doesNotContain("refused.")
                .doesNotContain("Exception");
    }

    /** No revocation happened and no request was created. */
    private void assertNothingChanged(String order, OrderState before) {
        assertThat(state(order)).isEqualTo(before);
        assertThat(requests(account.id(), order)).isEmpty();
    }

    private AuditRecord assertRefusalRecorded(String order, AuditAction action, String detail) {
        List<AuditRecord> matching = refusals(account.id()).stream()
                .filter(r ->
                        order.equals(r.getOrderNumber()) && r.getAction() == action && detail.equals(r.getDetail()))
                .toList();
        assertThat(matching)
                .as("a %s refusal (%s) of order %s in the trail", action, detail, order)
                .isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.getOutcome()).isEqualTo(AuditRecord.Outcome.REFUSED);
                    assertThat(r.getOrderId()).isEqualTo(state(order).id());
                });
        return matching.get(0);
    }

    /** The page without what differs on every response (the masked CSRF token of the sign-out form). */
    private static String normalised(MvcTestResult result) {
        return body(result).replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }
}
