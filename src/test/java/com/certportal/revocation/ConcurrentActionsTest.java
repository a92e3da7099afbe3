package com.certportal.revocation;

import static com.certportal.support.Fixtures.PaymentChoice.unit;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.Account;
import com.certportal.account.AccountRepository;
import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.account.Role;
import com.certportal.action.ActionRefused;
import com.certportal.approval.Approvals;
import com.certportal.approval.DecideRequest;
import com.certportal.approval.DecideRequest.Decision;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.catalog.Product;
import com.certportal.mail.MailKind;
import com.certportal.order.CancelOrder;
import com.certportal.order.Cancellations;
import com.certportal.order.OrderStatus;
import com.certportal.order.RevocationReason;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.OrderState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A4, R7 and C3 under real concurrency on PostgreSQL: several administrators (or submissions, or
 * cancellations) act on the same thing at the same moment, released together by a start gate. Exactly one wins; the others are
 * refused with a message, and the order, its refund and its trail show the winner's action once.
 */
class ConcurrentActionsTest extends ActionIntegrationTest {

    private static final int ADMINISTRATORS = 8;
    private static final int LICENCES = 2;
    private static final String WON = "won";
    private static final Set<String> LOST_DECISION =
            Set.of("request.refused.decided", "request.refused.decided-concurrently");

    @Autowired
    private Revocations revocations;

    @Autowired
    private Approvals approvals;

    @Autowired
    private Cancellations cancellations;

    @Autowired
    private AccountRepository accounts;

    @Autowired
    private MemberRepository members;

    @Autowired
    private TransactionTemplate transaction;

    private TestAccount account;
    private List<CurrentMember> administrators;
    private ExecutorService threads;

    @BeforeEach
    void accountWithManyAdministrators() {
        account = fixtures.newAccount();
        administrators = transaction.execute(status -> {
            Account owner = accounts.getReferenceById(account.id());
            List<CurrentMember> admins = new ArrayList<>();
            for (int i = 0; i < ADMINISTRATORS; i++) {
                Member admin = members.save(new Member(
                        owner,
                        "admin" + i + "-" + account.tag() + "@test.example",
                        "Admin " + i,
                        Role.ADMINISTRATOR,
                        "{noop}secret",
                        "en",
                        clock.instant()));
                admins.add(fixtures.principal(admin));
            }
            return admins;
        });
        threads = Executors.newFixedThreadPool(ADMINISTRATORS);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void eightAdministratorsApprovingAtOnceRevokeTheOrderAndRefundItExactlyOnce_A4() throws Exception {
        String order = issuedOrder("approve-race.example.com");
        int licencesBefore = state(order).unitLicencesAvailable();
        Long requestId = submitRequest(order);

        List<String> outcomes = race(administrators.stream()
                .<Callable<String>>map(admin -> () -> approvals
                        .decide(new DecideRequest(requestId, Decision.APPROVE, "approved by " + admin), admin)
                        .getStatus()
                        .key())
                .toList());

        assertThat(outcomes).filteredOn(WON::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !o.equals(WON))
                .hasSize(ADMINISTRATORS - 1)
                .allMatch(LOST_DECISION::contains);
        OrderState after = state(order);
        assertThat(after.status()).isEqualTo(OrderStatus.REVOKED);
        assertThat(after.treatedAsCancellation()).isTrue();
        assertThat(after.unitLicencesAvailable())
                .as("P5: the licences went back once, not once per administrator")
                .isEqualTo(licencesBefore + LICENCES);
        assertThat(done(order, AuditAction.REVOCATION_APPROVED)).hasSize(1);
        assertThat(done(order, AuditAction.ORDER_REVOKED)).hasSize(1);
        assertThat(done(order, AuditAction.REFUND_ROUTED)).hasSize(1);
        assertThat(refusals(account.id()))
                .filteredOn(r -> requestId.equals(r.getRequestId()))
                .hasSize(ADMINISTRATORS - 1)
                .allSatisfy(r -> assertThat(LOST_DECISION).contains(r.getDetail()));
        RevocationRequest decided = revocationRequests.findById(requestId).orElseThrow();
        assertThat(decided.getStatus()).isEqualTo(RevocationRequest.Status.APPROVED);
    }

    @Test
    void administratorsApprovingAndRejectingAtOnceLeaveExactlyOneConsistentDecision_A4() throws Exception {
        String order = issuedOrder("mixed-race.example.com");
        int licencesBefore = state(order).unitLicencesAvailable();
        Long requestId = submitRequest(order);

        List<String> outcomes = race(IntStream.range(0, ADMINISTRATORS)
                .<Callable<String>>mapToObj(i -> {
                    CurrentMember admin = administrators.get(i);
                    return i % 2 == 0
                            ? () -> approvals
                                    .decide(new DecideRequest(requestId, Decision.APPROVE, null), admin)
                                    .getStatus()
                                    .key()
                            : () -> approvals
                                    .decide(new DecideRequest(requestId, Decision.REJECT, null), admin)
                                    .getStatus()
                                    .key();
                })
                .toList());

        assertThat(outcomes).filteredOn(WON::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals(WON)).allMatch(LOST_DECISION::contains);
        RevocationRequest decided = revocationRequests.findById(requestId).orElseThrow();
        OrderState after = state(order);
        if (decided.getStatus() == RevocationRequest.Status.APPROVED) {
            assertThat(after.status()).isEqualTo(OrderStatus.REVOKED);
            assertThat(after.unitLicencesAvailable()).isEqualTo(licencesBefore + LICENCES);
            assertThat(mails(order)).isEmpty();
        } else {
            assertThat(decided.getStatus()).isEqualTo(RevocationRequest.Status.REJECTED);
            assertThat(after.status()).isEqualTo(OrderStatus.ISSUED);
            assertThat(after.unitLicencesAvailable()).isEqualTo(licencesBefore);
            assertThat(mails(order))
                    .singleElement()
                    .extracting(m -> m.getKind())
                    .isEqualTo(MailKind.REVOCATION_REJECTED);
        }
        assertThat(done(order, AuditAction.REVOCATION_APPROVED).size()
                        + done(order, AuditAction.REVOCATION_REJECTED).size())
                .isEqualTo(1);
        assertThat(done(order, AuditAction.REFUND_ROUTED)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void twoRevocationSubmissionsRacingForTheSameOrderLeaveExactlyOneRequest_R7() throws Exception {
        String order = issuedOrder("submit-race.example.com");
        String shownVersion = version(order);
        List<CurrentMember> submitters = List.of(account.user(), administrators.get(0));

        List<String> outcomes = race(submitters.stream()
                .<Callable<String>>map(member -> () -> {
                    RevocationOutcome outcome = revocations.submit(superseded(order, shownVersion), member);
                    return outcome.request().getStatus().key();
                })
                .toList());

        assertThat(outcomes).filteredOn(WON::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !o.equals(WON))
                .singleElement()
                .isIn("revocation.refused.waiting", "order.refused.concurrent", "order.refused.stale");
        assertThat(requests(account.id(), order))
                .singleElement()
                .extracting(RevocationRequest::getStatus)
                .isEqualTo(RevocationRequest.Status.NEEDS_APPROVAL);
        assertThat(state(order).status()).isEqualTo(OrderStatus.ISSUED);
        assertThat(done(order, AuditAction.REVOCATION_REQUESTED)).hasSize(1);
        assertThat(refusals(account.id()))
                .filteredOn(r -> order.equals(r.getOrderNumber()))
                .hasSize(1);
    }

    @Test
    void anImmediateRevocationRacingARequestNeverLeavesBoth_R6_R7() throws Exception {
        String order = issuedOrder("revoke-vs-request.example.com");
        String shownVersion = version(order);
        CurrentMember admin = administrators.get(0);

        List<String> outcomes = race(List.of(
                () -> revocations
                        .submit(superseded(order, shownVersion), account.user())
                        .request()
                        .getStatus()
                        .key(),
                () -> revocations
                        .submit(
                                new SubmitRevocation(
                                        order,
                                        RevocationReason.KEY_COMPROMISE,
                                        null,
                                        true,
                                        Long.parseLong(shownVersion)),
                                admin)
                        .order()
                        .getStatus()
                        .key()));

        assertThat(outcomes).filteredOn(WON::equals).hasSize(1);
        OrderState after = state(order);
        List<RevocationRequest> requests = requests(account.id(), order);
        if (after.status() == OrderStatus.REVOKED) {
            assertThat(requests).isEmpty();
        } else {
            assertThat(requests)
                    .singleElement()
                    .extracting(RevocationRequest::getStatus)
                    .isEqualTo(RevocationRequest.Status.NEEDS_APPROVAL);
        }
    }

    @Test
    void twoCancellationsAtOnceCancelOnceAndGiveTheLicencesBackOnce_C3_P5() throws Exception {
        String order = fixtures.pending(account.user(), Product.TLS_DV, "cancel-race.example.com", unit(LICENCES));
        int licencesBefore = state(order).unitLicencesAvailable();
        String shownVersion = version(order);

        List<String> outcomes = race(List.of(account.user(), administrators.get(0)).stream()
                .<Callable<String>>map(member -> () -> cancellations
                        .cancel(new CancelOrder(order, Long.parseLong(shownVersion)), member)
                        .getStatus()
                        .key())
                .toList());

        assertThat(outcomes).filteredOn(WON::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !o.equals(WON))
                .singleElement()
                .isIn("order.refused.concurrent", "order.refused.stale", "order.refused.cancel-not-pending");
        OrderState after = state(order);
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(after.unitLicencesAvailable()).isEqualTo(licencesBefore + LICENCES);
        assertThat(done(order, AuditAction.ORDER_CANCELED)).hasSize(1);
        assertThat(done(order, AuditAction.REFUND_ROUTED)).hasSize(1);
    }

    private String issuedOrder(String commonName) {
        Instant issuedAt = clock.instant();
        return fixtures.issued(account.user(), Product.TLS_DV, commonName, unit(LICENCES), issuedAt);
    }

    private Long submitRequest(String order) {
        RevocationOutcome outcome = revocations.submit(
                new SubmitRevocation(
                        order, RevocationReason.CESSATION_OF_OPERATION, null, false, Long.parseLong(version(order))),
                account.user());
        return outcome.request().getId();
    }

    /**
     * Runs every action at the same moment: each thread waits at the gate until all are ready. Returns
     * {@link #WON} for an action that went through (whatever it returned), or the message key of its
     * refusal; anything else fails the test.
     */
    private List<String> race(List<Callable<String>> actions) throws Exception {
        CountDownLatch ready = new CountDownLatch(actions.size());
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (Callable<String> action : actions) {
            results.add(threads.submit(() -> {
                ready.countDown();
                assertThat(gate.await(10, TimeUnit.SECONDS)).isTrue();
                try {
                    action.call();
                    return WON;
                } catch (ActionRefused refused) {
                    return refused.messageKey();
                }
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS))
                .as("all threads at the gate")
                .isTrue();
        gate.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get(30, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    private List<AuditRecord> done(String order, AuditAction action) {
        return history(order, action).stream()
                .filter(r -> r.getOutcome() == AuditRecord.Outcome.DONE)
                .toList();
    }

    private static SubmitRevocation superseded(String order, String shownVersion) {
        return new SubmitRevocation(order, RevocationReason.SUPERSEDED, null, false, Long.parseLong(shownVersion));
    }
}
