package com.certportal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.certportal.mail.MailKind;
import com.certportal.mail.Outbox;
import com.certportal.mail.OutboxMail;
import com.certportal.mail.OutboxMailRepository;
import com.certportal.mail.OutboxSender;
import com.certportal.support.Fixtures;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.LogCapture;
import com.certportal.support.MutableClock;
import com.certportal.support.PostgresTestConfiguration;
import com.certportal.support.TcpProxy;
import com.certportal.support.TestDatabase;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 10, fail fast and recover alone: the portal reaches PostgreSQL through a proxy this test
 * controls (its own Spring context, a real web server), and the database goes away as it does in
 * production: stopped (connections refused) or cut off by the network (a black hole). Health and
 * readiness answer DOWN, pages a translated 503 page, each within 5 seconds and without a stack trace
 * per request; when the database is back, everything works again without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({PostgresTestConfiguration.class, Fixtures.class})
class DatabaseOutageTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageTest.class);

    /** What a load balancer and a user must get, at the latest, while the database is away. */
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private static final Pattern CSRF_FIELD = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static final TestDatabase DATABASE = TestDatabase.get();
    private static final URI DATABASE_ADDRESS = URI.create(DATABASE.url().substring("jdbc:".length()));
    private static final TcpProxy PROXY = TcpProxy.to(DATABASE_ADDRESS.getHost(), DATABASE_ADDRESS.getPort());
    private static final int SMTP_PORT = freePort();
    private static final int POOL_SIZE = 4;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DatabaseOutageTest::urlThroughProxy);
        registry.add("spring.datasource.username", DATABASE::username);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> POOL_SIZE);
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private Fixtures fixtures;

    @Autowired
    private MutableClock clock;

    @Autowired
    private MessageSource messages;

    @Autowired
    private Outbox outbox;

    @Autowired
    private OutboxSender outboxSender;

    @Autowired
    private OutboxMailRepository outboxMails;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void databaseBack() {
        PROXY.forward();
        clock.reset();
    }

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    /** PostgreSQL stopped: connections are refused. */
    @Test
    void withTheDatabaseStoppedHealthAndPagesAnswerWithinSecondsAndRecoverWhenItIsBack() {
        outageAndRecovery("database stopped", PROXY::refuse);
    }

    /** A network partition: nothing reaches PostgreSQL and nothing comes back, not even a refusal. */
    @Test
    void withTheDatabaseCutOffByTheNetworkHealthAndPagesAnswerWithinSecondsAndRecoverWhenItIsBack() {
        outageAndRecovery("database cut off", PROXY::blackHole);
    }

    /**
     * T2, issue 10: the SMTP server accepted the mail, and the database went away before the sender
     * could record it as sent. At least once is what SMTP promises: the mail goes out again when the
     * database is back, with the same Message-ID, so that mail systems and people recognise it.
     */
    @Test
    void aMailAcceptedJustBeforeTheDatabaseWentAwayIsSentAgainWithTheSameMessageId_T2() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        MessageDeliveryHandler deliver = smtp.getUserManager().getMessageDeliveryHandler();
        AtomicBoolean firstDelivery = new AtomicBoolean(true);
        smtp.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            if (firstDelivery.getAndSet(false)) {
                PROXY.refuse();
            }
            return deliver.handle(message, recipient);
        });
        smtp.start();
        try {
            TestAccount account = fixtures.newAccount();
            // Before any other test's mail, so that the sender's run holds this one only.
            clock.set(Instant.parse("2001-02-03T04:05:06Z"));
            OutboxMail queued = transaction.execute(status -> outbox.enqueue(
                    MailKind.CANCELLATION,
                    account.id(),
                    null,
                    account.user().email(),
                    Locale.JAPANESE,
                    "CP-ACCEPTED",
                    "accepted.example.com",
                    "TLS"));

            assertThatThrownBy(outboxSender::sendDue)
                    .as("the sent mail cannot be recorded while the database is away")
                    .satisfies(failure -> assertThat(DatabaseFailures.isUnavailability(failure))
                            .as(DatabaseFailures.class.getSimpleName() + " reads it as the database gone")
                            .isTrue());
            assertThat(smtp.getReceivedMessages()).hasSize(1);

            PROXY.forward();
            OutboxMail unrecorded = outboxMails.findById(queued.getId()).orElseThrow();
            assertThat(unrecorded.isSent()).isFalse();
            // Claimed with a lease (so that no other sender takes it meanwhile): tried again once it ends.
            assertThat(outboxSender.sendDue()).isZero();
            clock.advance(OutboxMail.LEASE);
            assertThat(outboxSender.sendDue()).isEqualTo(1);

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(2);
            assertThat(received[0].getMessageID())
                    .isNotBlank()
                    .isEqualTo(received[1].getMessageID())
                    .isEqualTo(storedMessageId(queued));
            assertThat(outboxMails.findById(queued.getId()).orElseThrow().isSent())
                    .isTrue();
        } finally {
            smtp.stop();
        }
    }

    private String storedMessageId(OutboxMail mail) {
        return jdbc.sql("select message_id from outbox_mail where id = :id")
                .param("id", mail.getId())
                .query(String.class)
                .single();
    }

    /**
     * A member signed in and a visitor on the sign-in page when the database goes away. The first
     * requests meet the pool's connections as they die; the next ones find the pool empty and ask for
     * new connections. Both are answered quickly; only the first are logged. Then the database is back.
     */
    private void outageAndRecovery(String outage, Runnable databaseGoesAway) {
        TestAccount account = fixtures.newAccount();
        Browser member = signedIn(account);
        Browser visitor = new Browser();
        String signInToken = csrfToken(visitor.get("/login", "en").body());
        assertThat(member.get("/orders", "en").status()).isEqualTo(200);

        try (LogCapture log = LogCapture.capture()) {
            databaseGoesAway.run();
            outageIsAnsweredQuickly(outage + ", first requests", member, visitor, account, signInToken);
            theOutageIsLoggedOnce(log);
        }
        try (LogCapture log = LogCapture.capture()) {
            outageIsAnsweredQuickly(outage + ", then", member, visitor, account, signInToken);
            assertThat(log.serverErrors())
                    .as("no error or stack trace for each request")
                    .isEmpty();
            assertThat(log.warnings()).isEmpty();
        }

        PROXY.forward();
        recoversWithoutRestart(member);
    }

    /**
     * Everything a load balancer, a member and a visitor ask at once while the database is away, each
     * answered within 5 seconds.
     */
    private void outageIsAnsweredQuickly(
            String wave, Browser member, Browser visitor, TestAccount account, String signInToken) {
        CompletableFuture<Answer> health = new Browser().getAsync("/actuator/health", "en");
        CompletableFuture<Answer> readiness = new Browser().getAsync("/actuator/health/readiness", "en");
        CompletableFuture<Answer> liveness = new Browser().getAsync("/actuator/health/liveness", "en");
        CompletableFuture<Answer> japanesePage = member.getAsync("/orders", "ja");
        CompletableFuture<Answer> englishPage = member.getAsync("/orders?status=issued", "en");
        CompletableFuture<Answer> styles = new Browser().getAsync("/css/app.css", "en");
        CompletableFuture<Answer> signInPage = new Browser().getAsync("/login", "ja");
        CompletableFuture<Answer> signIn = visitor.postAsync(
                "/login",
                "en",
                Map.of("username", account.admin().email(), "password", "secret", "_csrf", signInToken));
        List<Answer> answers = List.of(
                health.join(),
                readiness.join(),
                liveness.join(),
                japanesePage.join(),
                englishPage.join(),
                styles.join(),
                signInPage.join(),
                signIn.join());
        log.info("{}: {}", wave, answers);

        assertThat(answers)
                .as("answers while the database is away: %s", answers)
                .allSatisfy(
                        answer -> assertThat(answer.took()).as(answer.path()).isLessThan(QUICKLY));
        assertThat(health.join().status()).as("health").isEqualTo(503);
        assertThat(health.join().body()).contains("DOWN");
        assertThat(readiness.join().status()).as("readiness").isEqualTo(503);
        assertThat(readiness.join().body()).contains("DOWN");
        assertThat(liveness.join().status())
                .as("liveness: the instance itself is fine, restarting it would not help")
                .isEqualTo(200);
        assertThat(japanesePage.join()).satisfies(page -> isTheUnavailablePage(page, Locale.JAPANESE, "/orders"));
        assertThat(englishPage.join())
                .satisfies(page -> isTheUnavailablePage(page, Locale.ENGLISH, "/orders?status=issued"));
        assertThat(signIn.join())
                .as("a sign-in is not told its password is wrong")
                .satisfies(page -> isTheUnavailablePage(page, Locale.ENGLISH, "/orders"));
        assertThat(styles.join().status()).as("static files need no database").isEqualTo(200);
        // The sign-in form's CSRF token is kept in the visitor's session, and sessions live in the
        // database (shared by every instance): the sign-in page says "unavailable" too, as quickly.
        assertThat(signInPage.join()).satisfies(page -> isTheUnavailablePage(page, Locale.JAPANESE, "/login"));
    }

    /** The translated 503 page, with nothing technical on it; "Try again" reloads a page, or leads to the orders. */
    private void isTheUnavailablePage(Answer page, Locale language, String again) {
        assertThat(page.status()).as(page.path()).isEqualTo(503);
        assertThat(page.body())
                .contains(HtmlUtils.htmlEscape(messages.getMessage("error.503.title", null, language), "UTF-8"))
                .contains(HtmlUtils.htmlEscape(messages.getMessage("error.503.message", null, language), "UTF-8"))
                .contains("class=\"button\" href=\"" + again + "\"")
                .doesNotContain("Exception", "SQL", "Hikari", "jdbc", "at com.");
    }

    /**
     * One warning says the database is away, and no request left an error page behind. The pool's
     * connections that were lost while in use are reported by the pool (and a transaction that could
     * not be rolled back on one by Spring), once each: as many as the pool holds, not one per request.
     */
    private static void theOutageIsLoggedOnce(LogCapture log) {
        assertThat(log.warnings())
                .filteredOn(line -> line.startsWith("com.certportal"))
                .hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("unavailable"));
        assertThat(log.serverErrors())
                .allSatisfy(line ->
                        assertThat(line).containsAnyOf("com.zaxxer.hikari.pool", "org.springframework.transaction"))
                .hasSizeLessThanOrEqualTo(2 * POOL_SIZE);
    }

    /** Health UP, the member's session still valid, its page served: no restart, no new sign-in. */
    private void recoversWithoutRestart(Browser member) {
        assertThat(member.name).isNotBlank();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(
                                new Browser().get("/actuator/health", "en").status())
                        .isEqualTo(200));
        assertThat(new Browser().get("/actuator/health/readiness", "en").status())
                .isEqualTo(200);
        Answer page = member.get("/orders", "en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).as("still signed in").contains(member.name);
    }

    private Browser signedIn(TestAccount account) {
        Browser browser = new Browser();
        String token = csrfToken(browser.get("/login", "en").body());
        Answer signIn = browser.post(
                "/login", "en", Map.of("username", account.admin().email(), "password", "secret", "_csrf", token));
        assertThat(signIn.status()).isEqualTo(302);
        browser.name = account.admin().displayName();
        return browser;
    }

    /** The answer to one request: its status, its body and how long it took. */
    record Answer(String path, int status, String body, Duration took) {

        @Override
        public String toString() {
            return path + " " + status + " in " + took.toMillis() + " ms";
        }
    }

    /** A browser of its own: cookies (its session), no redirects followed. */
    private final class Browser {

        /** Whose browser it is, once signed in. */
        private String name;

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        Answer get(String path, String language) {
            return getAsync(path, language).join();
        }

        Answer post(String path, String language, Map<String, String> fields) {
            return postAsync(path, language, fields).join();
        }

        CompletableFuture<Answer> getAsync(String path, String language) {
            return send(path, request(path, language).GET().build());
        }

        CompletableFuture<Answer> postAsync(String path, String language, Map<String, String> fields) {
            String form = fields.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(
                    path,
                    request(path, language)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build());
        }

        private HttpRequest.Builder request(String path, String language) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept-Language", language)
                    .header("Accept", "text/html,*/*;q=0.8")
                    .timeout(Duration.ofSeconds(45));
        }

        private CompletableFuture<Answer> send(String path, HttpRequest request) {
            long started = System.nanoTime();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .handle((response, failure) -> {
                        Duration took = Duration.ofNanos(System.nanoTime() - started);
                        return failure != null
                                ? new Answer(path, -1, String.valueOf(failure), took)
                                : new Answer(path, response.statusCode(), response.body(), took);
                    });
        }
    }

    private static String csrfToken(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("the sign-in form carries a CSRF token").isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static String urlThroughProxy() {
        String url = DATABASE.url();
        String hostAndPort = DATABASE_ADDRESS.getRawAuthority();
        return url.replace(hostAndPort, "127.0.0.1:" + PROXY.port());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
