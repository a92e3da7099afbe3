package com.certportal.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.certportal.account.MemberRepository;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.audit.AuditTrail;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.BrowserSession;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * M3 through the real sign-in form: after five failures in fifteen minutes, sign-in with that email, or
 * from that address, waits 30 seconds, then twice as long after each further failure (at most fifteen
 * minutes); while it waits even the right password is refused, with the same answer as a wrong one, and
 * an unknown email is treated exactly like a known one. The state is in the database: it holds across a
 * restart and against guesses sent at the same moment. Every failure and refusal is recorded (T1).
 * Each test signs in from an address of its own; time moves with the test clock.
 */
class SignInThrottlingTest extends ActionIntegrationTest {

    private static final String RIGHT = "secret";

    @Autowired
    private SignInAttemptRepository attempts;

    @Autowired
    private EntityManager entityManager;

    @Autowired
    private MemberRepository members;

    @Autowired
    private AuditTrail trail;

    @Autowired
    private PlatformTransactionManager transactions;

    private TestAccount account;
    private String address;
    /** Whose session each answer went to (sessions live in the database, issue 10). */
    private final Map<MvcTestResult, BrowserSession> visitors = new IdentityHashMap<>();

    @BeforeEach
    void accountAndAddress() {
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        account = fixtures.newAccount();
        address = newAddress();
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedWithTheSameAnswer_M3() {
        String email = account.user().email();
        MvcTestResult wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = signIn(email, "wrong-" + i, address);
            assertFailed(wrong);
        }

        MvcTestResult right = signIn(email, RIGHT, address);

        assertFailed(right);
        assertSameAnswer(right, wrong);
        assertFailed(signIn(email, RIGHT, newAddress())); // the email waits, from any address
    }

    @Test
    void theDelayIsThirtySecondsThenDoublesAfterEachFurtherFailure_M3() {
        String email = account.user().email();
        fail(email, 5);

        clock.advance(Duration.ofSeconds(29));
        assertFailed(signIn(email, RIGHT, address));
        clock.advance(Duration.ofSeconds(1));
        assertFailed(signIn(email, "wrong", address)); // the sixth failure: a minute now

        clock.advance(Duration.ofSeconds(59));
        assertFailed(signIn(email, RIGHT, address));
        clock.advance(Duration.ofSeconds(1));
        assertSignedIn(signIn(email, RIGHT, address));
    }

    @Test
    void theDelayStopsGrowingAtFifteenMinutes_M3() {
        String email = account.user().email();
        fail(email, 5);
        for (int failure = 6; failure <= 12; failure++) {
            clock.advance(ThrottlePolicy.delayAfter(failure - 1));
            assertFailed(signIn(email, "wrong", address));
        }
        assertThat(throttle().refusedUntil(email, address))
                .contains(clock.instant().plus(Duration.ofMinutes(15)));

        clock.advance(Duration.ofMinutes(15));
        assertSignedIn(signIn(email, RIGHT, address));
    }

    @Test
    void anUnknownEmailIsThrottledAndAnsweredExactlyLikeAKnownOne_M3() {
        String unknown = "nobody-" + account.tag() + "@test.example";
        MvcTestResult knownAnswer = null;
        MvcTestResult unknownAnswer = null;
        for (int i = 0; i < 6; i++) {
            knownAnswer = signIn(account.finance().email(), "wrong", address);
            unknownAnswer = signIn(unknown, "wrong", newAddress());
        }

        assertSameAnswer(unknownAnswer, knownAnswer);
        assertThat(throttle().refusedUntil(unknown, newAddress()))
                .isEqualTo(throttle().refusedUntil(account.finance().email(), newAddress()))
                .isPresent();
        assertThat(pageAfter(unknownAnswer)).isEqualTo(pageAfter(knownAnswer));
    }

    @Test
    void oneAddressTryingManyEmailsWaitsToo_M3() {
        for (int i = 0; i < 5; i++) {
            assertFailed(signIn("sprayed-" + i + "-" + account.tag() + "@test.example", "password1", address));
        }

        assertFailed(signIn(account.admin().email(), RIGHT, address));
        assertSignedIn(signIn(account.admin().email(), RIGHT, newAddress()));
    }

    @Test
    void theRightPasswordEndsTheAccountsStreak_M3() {
        String email = account.user().email();
        fail(email, 4);
        assertSignedIn(signIn(email, RIGHT, address));

        fail(email, 4);
        assertSignedIn(signIn(email, RIGHT, newAddress()));
    }

    @Test
    void failuresMoreThanFifteenMinutesApartStartAFreshStreak_M3() {
        String email = account.user().email();
        fail(email, 4);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        fail(email, 4);

        assertSignedIn(signIn(email, RIGHT, newAddress()));
    }

    /** The state is in the database: a new throttle over the same rows (another instance, or after a restart) refuses too. */
    @Test
    void throttlingHoldsAcrossARestart_M3() {
        String email = account.user().email();
        fail(email, 5);

        SignInThrottle restarted = new SignInThrottle(
                entityManager, attempts, members, trail, transactions, Clock.offset(clock, Duration.ZERO));

        assertThat(restarted.refusedUntil(email, newAddress()))
                .contains(clock.instant().plusSeconds(30));
        SignInThrottle.Attempt attempt = restarted.begin(email, newAddress());
        assertThat(attempt.allowed()).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(restarted.begin(email, newAddress()).allowed()).isTrue();
    }

    @Test
    void everyFailureAndEveryRefusalIsRecorded_M3_T1() {
        String email = account.user().email();
        String unknown = "ghost-" + account.tag() + "@test.example";
        fail(email, 5);
        signIn(email, RIGHT, address);
        for (int i = 0; i < 6; i++) {
            signIn(unknown, "wrong", address);
        }

        List<AuditRecord> trailOfTheAccount = refusals(account.id()).stream()
                .filter(r -> r.getActorId() != null
                        && r.getActorId() == account.user().memberId())
                .toList();
        assertThat(trailOfTheAccount)
                .extracting(AuditRecord::getAction)
                .containsExactlyInAnyOrder(
                        AuditAction.SIGN_IN_FAILED,
                        AuditAction.SIGN_IN_FAILED,
                        AuditAction.SIGN_IN_FAILED,
                        AuditAction.SIGN_IN_FAILED,
                        AuditAction.SIGN_IN_FAILED,
                        AuditAction.SIGN_IN_THROTTLED);
        assertThat(trailOfTheAccount).allSatisfy(r -> {
            assertThat(r.getDetail()).isEqualTo("address " + address);
            assertThat(r.getAccountId()).isEqualTo(account.id());
        });
        // An unknown email has no account: its attempts are in the sign-in record, the address's too.
        assertThat(attempts.findByEmailOrderByIdAsc(unknown))
                .extracting(SignInAttempt::getOutcome)
                .containsExactly(
                        SignInAttempt.Outcome.THROTTLED,
                        SignInAttempt.Outcome.THROTTLED,
                        SignInAttempt.Outcome.THROTTLED,
                        SignInAttempt.Outcome.THROTTLED,
                        SignInAttempt.Outcome.THROTTLED,
                        SignInAttempt.Outcome.THROTTLED);
        assertThat(attempts.findByClientAddressOrderByIdAsc(address))
                .extracting(SignInAttempt::getOutcome)
                .startsWith(SignInAttempt.Outcome.FAILED)
                .contains(SignInAttempt.Outcome.THROTTLED)
                .hasSize(12);
    }

    /** Ten guesses released at the same moment: five passwords are checked, five are refused unchecked. */
    @Test
    void guessesSentAtTheSameMomentGetFiveChecksNotTen_M3() throws Exception {
        String email = account.admin().email();
        int guesses = 10;
        ExecutorService threads = Executors.newFixedThreadPool(guesses);
        try {
            CountDownLatch ready = new CountDownLatch(guesses);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MvcTestResult>> results = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "guess-" + i;
                results.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return signIn(email, guess, address);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            for (Future<MvcTestResult> result : results) {
                assertFailed(result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(attempts.findByEmailOrderByIdAsc(email))
                .extracting(SignInAttempt::getOutcome)
                .containsOnly(SignInAttempt.Outcome.FAILED, SignInAttempt.Outcome.THROTTLED)
                .filteredOn(o -> o == SignInAttempt.Outcome.FAILED)
                .hasSize(5);
    }

    private void fail(String email, int times) {
        for (int i = 0; i < times; i++) {
            assertFailed(signIn(email, "wrong-" + i, address));
        }
    }

    private SignInThrottle throttle() {
        return new SignInThrottle(entityManager, attempts, members, trail, transactions, clock);
    }

    private MvcTestResult signIn(String email, String password, String from) {
        BrowserSession visitor = browsers.newVisitor();
        MvcTestResult result = visitor.exchange(mvc.post()
                .uri("/login")
                .param("username", email)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(from);
                    return request;
                }));
        visitors.put(result, visitor);
        return result;
    }

    private void assertFailed(MvcTestResult result) {
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/login?error");
    }

    private void assertSignedIn(MvcTestResult result) {
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/orders");
    }

    /** The same exception, with the same message, is what the sign-in page explains. */
    private void assertSameAnswer(MvcTestResult one, MvcTestResult other) {
        Object first = visitors.get(one).attribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        Object second = visitors.get(other).attribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        assertThat(first).isNotNull().hasSameClassAs(second);
        assertThat(((Exception) first).getMessage()).isEqualTo(((Exception) second).getMessage());
    }

    /** The sign-in page the visitor sees next, without the token and the address it typed. */
    private String pageAfter(MvcTestResult failed) {
        return Pages.main(Pages.body(visitors.get(failed).exchange(mvc.get().uri("/login?error"))))
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("value=\"[^\"]*@test.example\"", "");
    }

    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
