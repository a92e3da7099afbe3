package com.certportal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.Account;
import com.certportal.account.AccountRepository;
import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.account.Role;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.audit.AuditRecordRepository;
import com.certportal.catalog.Product;
import com.certportal.mail.MailKind;
import com.certportal.mail.Outbox;
import com.certportal.mail.OutboxMail;
import com.certportal.mail.OutboxMailRepository;
import com.certportal.mail.OutboxSender;
import com.certportal.order.Certificate;
import com.certportal.order.RevocationReason;
import com.certportal.revocation.Revocations;
import com.certportal.revocation.SubmitRevocation;
import com.certportal.revocation.SupersededRevocationJob;
import com.certportal.scheduling.RecurringJob;
import com.certportal.support.AppInstance;
import com.certportal.support.Fixtures;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.HttpVisitor;
import com.certportal.support.HttpVisitor.Page;
import com.certportal.support.MutableClock;
import com.certportal.support.OrderState;
import com.certportal.support.ReceivedMail;
import com.certportal.support.TestDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 10: two instances of the portal, each a whole application on its own port with its own
 * connection pool, scheduler and caches, on ONE PostgreSQL database (a database of their own, away
 * from the shared test context), started at the same moment on an empty database and an empty CA key
 * store (as `docker compose --profile cluster up` starts them). Everything is proven over real HTTP,
 * as a browser behind a load balancer sends it to either instance: sessions are shared, work is done
 * once, counters stay counters.
 *
 * <p>A scenario is a test method; {@link #onBothAtOnce} runs the same work on both instances released
 * by one gate, the way two schedulers or two load-balanced requests meet (the outbox, K2's revocations).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private static final int ADMINISTRATORS = 8;
    private static final String SESSION_COOKIE = "certportal-session";
    private static final Set<String> LOST_DECISION =
            Set.of("This request was already decided", "Another administrator decided this request at the same moment");

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final ExecutorService threads = Executors.newFixedThreadPool(ADMINISTRATORS);
    private GreenMail mailServer;
    private AppInstance a;
    private AppInstance b;
    private TestAccount account;

    @BeforeAll
    void startTwoInstancesOnOneDatabase() throws Exception {
        mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mailServer.start();
        TestDatabase database = TestDatabase.get().another("cluster");
        Path keyStore = Files.createDirectories(
                        Path.of("target", "cluster-tests", UUID.randomUUID().toString()))
                .toAbsolutePath()
                .resolve("ca")
                .resolve("ca-keystore.p12");
        Map<String, String> sameForEveryInstance = Map.ofEntries(
                Map.entry("spring.datasource.url", database.url()),
                Map.entry("spring.datasource.username", database.username()),
                Map.entry("spring.datasource.password", database.password()),
                // Few connections: the test database server is shared with the shared test context.
                Map.entry("spring.datasource.hikari.maximum-pool-size", "6"),
                Map.entry("spring.datasource.hikari.minimum-idle", "1"),
                Map.entry("certportal.demo.enabled", "false"),
                Map.entry("certportal.scheduling.enabled", "true"),
                Map.entry("certportal.ca.keystore", keyStore.toString()),
                Map.entry("certportal.ca.generate-password", "true"),
                Map.entry("spring.mail.host", "127.0.0.1"),
                Map.entry(
                        "spring.mail.port", String.valueOf(mailServer.getSmtp().getPort())),
                Map.entry("spring.mail.properties.mail.smtp.connectiontimeout", "5000"),
                Map.entry("spring.mail.properties.mail.smtp.timeout", "5000"));

        List<AppInstance> started =
                AppInstance.startTogether(List.of("instance-a", "instance-b"), clock, sameForEveryInstance);
        a = started.get(0);
        b = started.get(1);
        account = a.bean(Fixtures.class).newAccount();
    }

    @AfterAll
    void stopInstances() throws InterruptedException {
        for (AppInstance instance : new AppInstance[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (mailServer != null) {
            mailServer.stop();
        }
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** I1: both started on the empty key store at once, and they sign with one CA. */
    @Test
    void bothInstancesStartedOnAnEmptyKeyStoreServeOneCa_I1() {
        HttpVisitor relyingParty = new HttpVisitor();

        assertThat(relyingParty.download(a, "/pki/ca/tls.crt")).isEqualTo(relyingParty.download(b, "/pki/ca/tls.crt"));
        assertThat(relyingParty.download(a, "/pki/ca/tls-root.crt"))
                .isEqualTo(relyingParty.download(b, "/pki/ca/tls-root.crt"));
    }

    @Test
    void aSessionMadeOnOneInstanceWorksOnTheOther() {
        String order = a.bean(Fixtures.class)
                .issued(account.user(), Product.TLS_DV, "shared-session.example.com", card(), clock.instant());
        HttpVisitor user = new HttpVisitor();

        // L4: the bookmarked page that asked for sign-in on A is where sign-in on B leads.
        assertThat(user.get(a, "/orders/" + order).location()).isEqualTo("/login");
        Page signedIn = user.signIn(b, account.user().email(), "secret");
        assertThat(signedIn.location()).isEqualTo("/orders/" + order);
        assertThat(signedIn.setCookies())
                .as("the session cookie keeps its settings")
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith(SESSION_COOKIE + "=")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));

        Page orderOnA = user.get(a, "/orders/" + order);
        assertThat(orderOnA.status()).isEqualTo(200);
        assertThat(orderOnA.body()).contains(order, "shared-session.example.com");

        // A CSRF-protected form from a page of A, posted to B; its message after the redirect, on A.
        String tokenFromA = user.get(a, "/settings").csrfToken();
        Page saved = user.post(b, "/settings", "timeZone", "America/New_York", "_csrf", tokenFromA);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).isEqualTo("/settings");
        assertThat(user.get(a, "/settings").body())
                .contains("Your settings were saved.")
                .contains("<option value=\"America/New_York\" selected=\"selected\">");
        assertThat(user.post(b, "/settings", "timeZone", "UTC", "_csrf", "forged")
                        .status())
                .isEqualTo(403);

        // The language chosen on one instance is the language of the other.
        assertThat(user.get(a, "/orders?lang=ja").body()).contains("<html lang=\"ja\"");
        assertThat(user.get(b, "/orders").body()).contains("<html lang=\"ja\"");
    }

    @Test
    void eightAdministratorsDecidingOneRequestAcrossBothInstancesMakeOneDecision_A4() throws Exception {
        List<CurrentMember> administrators = administrators();
        String order = a.bean(Fixtures.class)
                .issued(account.user(), Product.TLS_DV, "decided-once.example.com", card(), clock.instant());
        long requestId = a.bean(Revocations.class)
                .submit(
                        new SubmitRevocation(
                                order,
                                RevocationReason.CESSATION_OF_OPERATION,
                                null,
                                false,
                                state(order).version()),
                        account.user())
                .request()
                .getId();
        List<HttpVisitor> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < ADMINISTRATORS; i++) {
            HttpVisitor admin = new HttpVisitor();
            AppInstance signedInOn = i % 2 == 0 ? a : b;
            assertThat(admin.signIn(signedInOn, administrators.get(i).email(), "secret")
                            .location())
                    .isEqualTo("/orders");
            tokens.add(admin.get(signedInOn, "/requests/" + requestId).csrfToken());
            browsers.add(admin);
        }

        // Each decides on the other instance than the one it signed in on, all at the same moment.
        List<Page> answers = race(IntStream.range(0, ADMINISTRATORS)
                .<Callable<Page>>mapToObj(i -> () -> browsers.get(i)
                        .post(
                                i % 2 == 0 ? b : a,
                                "/requests/" + requestId + "/approve",
                                "comment",
                                "approved by administrator " + i,
                                "_csrf",
                                tokens.get(i)))
                .toList());

        List<Integer> won = IntStream.range(0, ADMINISTRATORS)
                .filter(i -> answers.get(i).status() == 302)
                .boxed()
                .toList();
        assertThat(won).hasSize(1);
        assertThat(answers.get(won.get(0)).location()).isEqualTo("/requests/" + requestId);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 302)
                .hasSize(ADMINISTRATORS - 1)
                .allSatisfy(refused -> {
                    assertThat(refused.status()).isEqualTo(409);
                    assertThat(LOST_DECISION).anyMatch(refused.body()::contains);
                });
        int winner = won.get(0);
        assertThat(browsers.get(winner)
                        .get(winner % 2 == 0 ? a : b, "/requests/" + requestId)
                        .body())
                .as("the winner's confirmation follows it to the other instance")
                .contains("The revocation of order " + order + " was approved.");
        assertThat(trail(order, AuditAction.REVOCATION_APPROVED, AuditRecord.Outcome.DONE))
                .hasSize(1);
        assertThat(trail(order, AuditAction.ORDER_REVOKED, AuditRecord.Outcome.DONE))
                .hasSize(1);
        assertThat(trail(order, AuditAction.REVOCATION_APPROVED, AuditRecord.Outcome.REFUSED))
                .hasSize(ADMINISTRATORS - 1);
    }

    @Test
    void aMailQueuedOnceIsDeliveredOnceWhileBothSendersRun_T2() throws Exception {
        String recipient = "mail-once-" + account.tag() + "@test.example";
        List<OutboxMail> queued = a.bean(TransactionTemplate.class)
                .execute(status -> IntStream.range(0, 10)
                        .mapToObj(i -> a.bean(Outbox.class)
                                .enqueue(
                                        MailKind.CANCELLATION,
                                        account.id(),
                                        null,
                                        recipient,
                                        Locale.ENGLISH,
                                        "once-" + i,
                                        "mail-once.example.com",
                                        "TLS DV"))
                        .toList());

        // Both instances' senders at the same moment (their schedulers may be sending too).
        onBothAtOnce(instance -> instance.bean(OutboxSender.class).sendDue());
        OutboxMailRepository mails = a.bean(OutboxMailRepository.class);
        for (int round = 0;
                round < 20
                        && queued.stream()
                                .anyMatch(m ->
                                        !mails.findById(m.getId()).orElseThrow().isSent());
                round++) {
            onBothAtOnce(instance -> instance.bean(OutboxSender.class).sendDue());
        }

        assertThat(queued)
                .allSatisfy(
                        m -> assertThat(mails.findById(m.getId()).orElseThrow().isSent())
                                .isTrue());
        List<String> subjects = ReceivedMail.to(recipient, mailServer.getReceivedMessages()).stream()
                .map(ReceivedMail::subject)
                .toList();
        assertThat(subjects).hasSize(10).doesNotHaveDuplicates();
    }

    /** D2: each revocation makes both instances publish anew, and the CRL number only grows. */
    @Test
    void crlNumbersFromBothInstancesOnlyIncrease_D2() throws Exception {
        HttpVisitor relyingParty = new HttpVisitor();
        List<BigInteger> numbers = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            String order = a.bean(Fixtures.class)
                    .issued(account.admin(), Product.TLS_DV, "crl-" + round + ".example.com", card(), clock.instant());
            (round % 2 == 0 ? a : b)
                    .bean(Revocations.class)
                    .submit(
                            new SubmitRevocation(
                                    order,
                                    RevocationReason.SUPERSEDED,
                                    null,
                                    true,
                                    state(order).version()),
                            account.admin());

            List<byte[]> crls = onBothAtOnce(instance -> relyingParty.download(instance, "/pki/crl/tls.crl"));

            BigInteger fromA = crlNumber(crls.get(0));
            BigInteger fromB = crlNumber(crls.get(1));
            assertThat(revokedIn(crls.get(0)))
                    .as("round %d: the CRL lists every revoked certificate", round)
                    .isEqualTo(revokedTlsCertificates());
            numbers.add(fromA.min(fromB));
            numbers.add(fromA.max(fromB));
            numbers.add(crlNumber(relyingParty.download(b, "/pki/crl/tls.crl")));
            numbers.add(crlNumber(relyingParty.download(a, "/pki/crl/tls.crl")));
        }

        for (int i = 1; i < numbers.size(); i++) {
            assertThat(numbers.get(i))
                    .as("CRL numbers in the order they were fetched: %s", numbers)
                    .isGreaterThanOrEqualTo(numbers.get(i - 1));
        }
        assertThat(new HashSet<>(numbers))
                .as("a new number each round: %s", numbers)
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(crlNumber(relyingParty.download(a, "/pki/crl/tls-root.crl")))
                .isEqualTo(crlNumber(relyingParty.download(b, "/pki/crl/tls-root.crl")));
    }

    @Test
    void aMemberDeactivatedThroughOneInstanceLosesItsSessionOnTheOther_M1() {
        TestAccount other = a.bean(Fixtures.class).newAccount();
        HttpVisitor user = new HttpVisitor();
        HttpVisitor admin = new HttpVisitor();
        assertThat(user.signIn(b, other.user().email(), "secret").location()).isEqualTo("/orders");
        assertThat(user.get(b, "/orders").status()).isEqualTo(200);
        assertThat(admin.signIn(a, other.admin().email(), "secret").location()).isEqualTo("/orders");

        String token = admin.get(a, "/account/members").csrfToken();
        Page deactivated = admin.post(a, "/account/members/" + other.user().memberId() + "/deactivate", "_csrf", token);
        assertThat(deactivated.status()).isEqualTo(302);

        assertThat(user.get(b, "/orders").location()).isEqualTo("/login?ended");
        assertThat(sessionsOf(other.user().email())).isZero();
        assertThat(user.get(a, "/orders").location()).isEqualTo("/login");
        assertThat(user.signIn(a, other.user().email(), "secret").location()).isEqualTo("/login?error");
    }

    /**
     * K2: a superseded certificate due for revocation is revoked once, with both instances running the
     * job at that moment (and their schedulers running it too, whenever they pick it).
     */
    @Test
    void aSupersededRevocationDueOnceHappensOnceWithBothInstancesRunningTheJob_K2() throws Exception {
        Fixtures fixtures = a.bean(Fixtures.class);
        String commonName = "k2-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        String order = fixtures.issued(account.admin(), Product.TLS_DV, commonName, card(), clock.instant());
        fixtures.reissue(order, "renamed-" + commonName, List.of("renamed-" + commonName), clock.instant());
        clock.advance(Duration.ofHours(49));

        List<Integer> revoked = onBothAtOnce(
                instance -> instance.bean(SupersededRevocationJob.class).revokeDue());

        assertThat(revoked.stream().mapToInt(Integer::intValue).sum())
                .as("at most one run revoked it (a scheduler may have been first)")
                .isLessThanOrEqualTo(1);
        assertThat(trail(order, AuditAction.CERTIFICATE_REVOKED, AuditRecord.Outcome.DONE))
                .hasSize(1);
        assertThat(state(order).certificateStatuses()).contains(Certificate.Status.REVOKED);
    }

    /** Order numbers come from one database sequence, whichever instance draws them. */
    @Test
    void ordersPlacedOnBothInstancesAtOnceGetDistinctNumbers() throws Exception {
        List<List<String>> placed = onBothAtOnce(instance -> IntStream.range(0, 10)
                .mapToObj(i -> instance.bean(Fixtures.class)
                        .pending(
                                account.user(),
                                Product.TLS_DV,
                                instance.name() + "-" + i + ".example.com",
                                PaymentChoice.card()))
                .toList());

        List<String> numbers = placed.stream().flatMap(List::stream).toList();
        assertThat(numbers).hasSize(20).doesNotHaveDuplicates();
    }

    /** Every recurring job is one row of db-scheduler's table, picked by one instance at a time. */
    @Test
    void everyRecurringJobIsScheduledOnceWhateverTheNumberOfInstances() {
        List<String> jobs =
                a.beansOf(RecurringJob.class).stream().map(RecurringJob::name).toList();

        List<String> scheduled = jdbc().sql("select task_name from scheduled_tasks")
                .query(String.class)
                .list();

        assertThat(jobs).contains("outbox-sender", "crl-refresh", "validation-recheck", "session-cleanup");
        assertThat(scheduled).containsExactlyInAnyOrderElementsOf(jobs);
    }

    /** Runs {@code work} on A and on B, released together; the results in that order. */
    private <T> List<T> onBothAtOnce(Function<AppInstance, T> work) throws Exception {
        return race(List.of(() -> work.apply(a), () -> work.apply(b)));
    }

    private <T> List<T> race(List<Callable<T>> actions) throws Exception {
        CountDownLatch ready = new CountDownLatch(actions.size());
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<T>> results = new ArrayList<>();
        for (Callable<T> action : actions) {
            results.add(threads.submit(() -> {
                ready.countDown();
                assertThat(gate.await(30, TimeUnit.SECONDS)).isTrue();
                return action.call();
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        gate.countDown();
        List<T> outcomes = new ArrayList<>();
        for (Future<T> result : results) {
            outcomes.add(result.get(2, TimeUnit.MINUTES));
        }
        return outcomes;
    }

    private List<CurrentMember> administrators() {
        return a.bean(TransactionTemplate.class).execute(status -> {
            Account owner = a.bean(AccountRepository.class).getReferenceById(account.id());
            List<CurrentMember> admins = new ArrayList<>();
            for (int i = 0; i < ADMINISTRATORS; i++) {
                Member admin = a.bean(MemberRepository.class)
                        .save(new Member(
                                owner,
                                "admin" + i + "-" + UUID.randomUUID() + "@test.example",
                                "Admin " + i,
                                Role.ADMINISTRATOR,
                                "{noop}secret",
                                "en",
                                clock.instant()));
                admins.add(new CurrentMember(admin));
            }
            return admins;
        });
    }

    private OrderState state(String order) {
        return a.bean(Fixtures.class).withOrder(order, OrderState::of);
    }

    /** T1: the order's trail records of {@code action} with {@code outcome}. */
    private List<AuditRecord> trail(String order, AuditAction action, AuditRecord.Outcome outcome) {
        return a
                .bean(AuditRecordRepository.class)
                .findByOrderIdOrderByOccurredAtAscIdAsc(state(order).id())
                .stream()
                .filter(r -> r.getAction() == action && r.getOutcome() == outcome)
                .toList();
    }

    private JdbcClient jdbc() {
        return a.bean(JdbcClient.class);
    }

    private long sessionsOf(String email) {
        return jdbc().sql("select count(*) from spring_session where principal_name = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    private long revokedTlsCertificates() {
        return jdbc().sql("select count(*) from certificate where ca_family = 'tls' and revoked_at is not null")
                .query(Long.class)
                .single();
    }

    private static PaymentChoice card() {
        return PaymentChoice.card();
    }

    private static BigInteger crlNumber(byte[] der) {
        try {
            return ASN1Integer.getInstance(new X509CRLHolder(der)
                            .getExtension(Extension.cRLNumber)
                            .getParsedValue())
                    .getValue();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long revokedIn(byte[] der) {
        try {
            return new X509CRLHolder(der).getRevokedCertificates().size();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
