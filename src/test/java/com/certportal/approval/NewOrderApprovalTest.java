package com.certportal.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.CurrentMember;
import com.certportal.account.Role;
import com.certportal.approval.DecideRequest.Decision;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.catalog.Product;
import com.certportal.mail.MailKind;
import com.certportal.mail.OutboxMail;
import com.certportal.order.DcvMethod;
import com.certportal.order.OrderStatus;
import com.certportal.order.PaymentMethod;
import com.certportal.order.RequestType;
import com.certportal.order.ServerPlatform;
import com.certportal.ordering.Ordering;
import com.certportal.ordering.PlaceOrder;
import com.certportal.pki.TestCsrs;
import com.certportal.pki.TestKeys;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.OrderForm;
import com.certportal.support.OrderForm.Requested;
import com.certportal.support.Pages;
import com.certportal.support.Race;
import com.certportal.voucher.Voucher;
import java.security.KeyPair;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * O4: a user's new order waits on the requests page until an administrator approves or rejects it
 * (with a comment; a rejection mails the requester), unless the account lets users' orders through;
 * decided once, even by two administrators at the same moment; one voucher, two requests at once:
 * exactly one gets it.
 */
class NewOrderApprovalTest extends ActionIntegrationTest {

    private static final KeyPair KEY = TestKeys.ec("secp256r1");
    private static final Set<String> LOST_DECISION =
            Set.of("request.refused.decided", "request.refused.decided-concurrently");
    private static final Set<String> LOST_VOUCHER =
            Set.of("order.form.voucher-used", "order.refused.reserved-concurrently");

    @Autowired
    private Approvals approvals;

    @Autowired
    private Ordering ordering;

    private TestAccount account;
    private String cn;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount();
        cn = "approve-" + account.tag() + ".example.com";
    }

    @Test
    void aUsersOrderIsARequestWaitingOnTheRequestsPage_O4() {
        MvcTestResult submitted = post(
                account.user(),
                "/orders/new",
                form().with("comment", "For the spring campaign").pairs());

        Requested request = OrderForm.requestedOrder(submitted);
        assertThat(notices(submitted))
                .containsExactly(text("new.done.requested", Locale.ENGLISH, request.orderNumber()));
        assertThat(state(request.orderNumber()).status()).isEqualTo(OrderStatus.NEEDS_APPROVAL);
        for (CurrentMember member : List.of(account.user(), account.admin())) {
            String list = Pages.main(body(get(member, "/requests")));
            assertThat(list)
                    .contains("data-request=\"" + request.requestId() + "\" data-kind=\"new_order\"")
                    .contains(shown("request-kind.new_order"))
                    .contains(cn);
        }
        assertThat(Pages.main(body(get(account.admin(), "/requests/" + request.requestId()))))
                .contains("For the spring campaign")
                .contains("data-decision=\"approve\"");
        assertThat(mails(request.orderNumber()))
                .as("validation starts once the order is approved, not before")
                .isEmpty();
        assertThat(history(request.orderNumber(), AuditAction.ORDER_REQUESTED))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getActorId()).isEqualTo(account.user().memberId());
                    assertThat(r.getComment()).isEqualTo("For the spring campaign");
                });
    }

    @Test
    void anAdministratorApprovesWithACommentAndTheOrderIsPlacedAndValidated_O4_O5() {
        Requested request = submitRequest();

        MvcTestResult approved =
                post(account.admin(), "/requests/" + request.requestId() + "/approve", "comment", "Budget confirmed");

        assertThat(approved).hasStatus3xxRedirection();
        assertThat(notices(approved))
                .first()
                .isEqualTo(text("request.approved.new_order", Locale.ENGLISH, request.orderNumber()));
        assertThat(state(request.orderNumber()).status()).isEqualTo(OrderStatus.PENDING);
        Boolean paid =
                fixtures.withOrder(request.orderNumber(), o -> o.getPayment().isPaid());
        assertThat(paid)
                .as("O3: the card is charged when the order is placed, at approval")
                .isTrue();
        assertThat(approvalRequests.findById(request.requestId()).orElseThrow()).satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(ApprovalRequest.Status.APPROVED);
            assertThat(r.getDecisionComment()).isEqualTo("Budget confirmed");
        });
        assertThat(mails(request.orderNumber()))
                .as("V1: the domain-validation links go out once the order is placed")
                .isNotEmpty()
                .allSatisfy(mail -> assertThat(mail.getKind()).isEqualTo(MailKind.DOMAIN_VALIDATION));
        assertThat(history(request.orderNumber(), AuditAction.ORDER_REQUEST_APPROVED))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getActorId()).isEqualTo(account.admin().memberId());
                    assertThat(r.getComment()).isEqualTo("Budget confirmed");
                });
    }

    @Test
    void anAdministratorRejectsWithACommentAndTheRequesterIsMailed_O4() {
        Requested request = submitRequest();

        MvcTestResult rejected = post(
                account.admin(), "/requests/" + request.requestId() + "/reject", "comment", "Use the wildcard order");

        assertThat(rejected).hasStatus3xxRedirection();
        assertThat(notices(rejected))
                .containsExactly(text("request.rejected.new_order", Locale.ENGLISH, request.orderNumber()));
        assertThat(state(request.orderNumber()).status()).isEqualTo(OrderStatus.REJECTED);
        List<OutboxMail> mails = mails(request.orderNumber());
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.getKind()).isEqualTo(MailKind.ORDER_REQUEST_REJECTED);
            assertThat(mail.getRecipient()).isEqualTo(account.user().email());
            assertThat(mail.getSubject()).contains(request.orderNumber());
            assertThat(mail.getBody()).contains(request.orderNumber(), cn, "Use the wildcard order");
        });
        assertThat(history(request.orderNumber(), AuditAction.ORDER_REQUEST_REJECTED))
                .singleElement()
                .extracting(AuditRecord::getComment)
                .isEqualTo("Use the wildcard order");
    }

    @Test
    void onlyItsRequesterWithdrawsAWaitingRequest_O4() {
        Requested request = submitRequest();

        MvcTestResult byAdministrator = post(account.admin(), "/requests/" + request.requestId() + "/withdraw");

        assertThat(byAdministrator).hasStatus(403);
        assertThat(body(byAdministrator)).contains(shown("request.refused.not-requester", request.requestId()));
        assertThat(state(request.orderNumber()).status()).isEqualTo(OrderStatus.NEEDS_APPROVAL);
        assertThat(refusals(account.id())).first().satisfies(r -> {
            assertThat(r.getAction()).isEqualTo(AuditAction.ORDER_REQUEST_WITHDRAWN);
            assertThat(r.getDetail()).isEqualTo("request.refused.not-requester");
        });

        MvcTestResult byRequester = post(account.user(), "/requests/" + request.requestId() + "/withdraw");

        assertThat(byRequester).hasStatus3xxRedirection();
        assertThat(state(request.orderNumber()).status()).isEqualTo(OrderStatus.WITHDRAWN);
        assertThat(mails(request.orderNumber())).as("a withdrawal mails nobody").isEmpty();
    }

    @Test
    void skipApprovalForNewOrdersLetsUsersOrdersThrough_O4_M4() {
        assertThat(post(account.admin(), "/settings/account", "skipApprovalForNewOrders", "true"))
                .hasStatus3xxRedirection();
        long requestsBefore = requestsOfAccount();

        MvcTestResult submitted = post(account.user(), "/orders/new", form().pairs());

        String order = OrderForm.placedOrder(submitted);
        assertThat(state(order).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(state(order).requesterEmail()).isEqualTo(account.user().email());
        assertThat(requestsOfAccount()).isEqualTo(requestsBefore);

        assertThat(post(account.admin(), "/settings/account")).hasStatus3xxRedirection();
        Requested again = OrderForm.requestedOrder(post(account.user(), "/orders/new", form().pairs()));
        assertThat(state(again.orderNumber()).status())
                .as("the setting off again: users' orders wait")
                .isEqualTo(OrderStatus.NEEDS_APPROVAL);
    }

    /** O4, A4: two administrators approve the same order request at the same moment: one decision. */
    @Test
    void twoAdministratorsApprovingOneOrderRequestAtOnceMakeOneDecision_O4() throws Exception {
        Requested request = submitRequest();
        CurrentMember second = fixtures.newMember(account.id(), Role.ADMINISTRATOR);

        List<String> outcomes = Race.outcomes(List.of(
                () -> approvals.decide(
                        new DecideRequest(request.requestId(), Decision.APPROVE, "first"), account.admin()),
                () -> approvals.decide(new DecideRequest(request.requestId(), Decision.APPROVE, "second"), second)));

        assertThat(outcomes).filteredOn(Race.WON::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !o.equals(Race.WON))
                .singleElement()
                .isIn(LOST_DECISION);
        assertThat(state(request.orderNumber()).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(history(request.orderNumber(), AuditAction.ORDER_REQUEST_APPROVED))
                .as("one approval done, the other refused")
                .extracting(AuditRecord::getOutcome)
                .containsExactlyInAnyOrder(AuditRecord.Outcome.DONE, AuditRecord.Outcome.REFUSED);
        assertThat(fixtures.pendingEmailTokens(request.orderNumber()))
                .as("validation started once")
                .hasSize(1);
        assertThat(refusals(account.id()))
                .filteredOn(r -> request.orderNumber().equals(r.getOrderNumber()))
                .singleElement()
                .extracting(AuditRecord::getDetail)
                .isIn(LOST_DECISION);
    }

    /** O3, O4: one voucher in two requests submitted at the same moment: exactly one reserves it. */
    @Test
    void theSameVoucherInTwoRequestsSubmittedAtOnceGoesToExactlyOne_O3_O4() throws Exception {
        String code = fixtures.unusedVoucher(account.id(), 1);
        CurrentMember colleague = fixtures.newMember(account.id(), Role.USER);
        long ordersBefore = fixtures.countOrders(account.id());

        List<String> outcomes = Race.outcomes(List.of(
                () -> ordering.place(byVoucher(code), account.user()),
                () -> ordering.place(byVoucher(code), colleague)));

        assertThat(outcomes).filteredOn(Race.WON::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !o.equals(Race.WON))
                .singleElement()
                .isIn(LOST_VOUCHER);
        assertThat(fixtures.countOrders(account.id())).isEqualTo(ordersBefore + 1);
        assertThat(fixtures.voucher(code).getStatus()).isEqualTo(Voucher.Status.USED);
        assertThat(requestsOfAccount()).isEqualTo(1);
        assertThat(refusals(account.id())).singleElement().satisfies(r -> {
            // Refused at the check (an order placed) or at the reservation (by then a request).
            assertThat(r.getAction()).isIn(AuditAction.ORDER_PLACED, AuditAction.ORDER_REQUESTED);
            assertThat(r.getActorId()).isIn(account.user().memberId(), colleague.memberId());
            assertThat(r.getDetail()).isIn(LOST_VOUCHER);
        });
    }

    private Requested submitRequest() {
        return OrderForm.requestedOrder(post(account.user(), "/orders/new", form().pairs()));
    }

    private OrderForm form() {
        return OrderForm.submitting(TestCsrs.pem(KEY, "CN=" + cn, cn, "www." + cn));
    }

    private long requestsOfAccount() {
        return requestCount(account.id());
    }

    private PlaceOrder byVoucher(String code) {
        return new PlaceOrder(
                Product.TLS_DV,
                TestCsrs.pem(KEY, "CN=" + cn, cn),
                null,
                null,
                1,
                ServerPlatform.NGINX,
                RequestType.NEW,
                null,
                1,
                PaymentMethod.VOUCHER,
                code,
                null,
                null,
                DcvMethod.EMAIL,
                null);
    }
}
