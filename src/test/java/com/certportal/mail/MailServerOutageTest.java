package com.certportal.mail;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.certportal.catalog.Product;
import com.certportal.order.OrderStatus;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.FakeSmtpServer;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import com.certportal.support.TestSmtpPort;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * T2: a mail server that is down, or silent, delays mail; it never blocks the action, the sender or
 * loses the mail. The SMTP server here is started by the test itself, only once the outage is over.
 */
class MailServerOutageTest extends ActionIntegrationTest {

    /**
     * Before any other test's mail (they are queued at the real time or near it), so that a run of the
     * sender sees only the mails a test here queues.
     */
    private static final Instant ONLY_THIS_TESTS_MAIL_IS_DUE = Instant.parse("2001-02-03T04:05:06Z");

    @Value("${certportal.mail.read-timeout}")
    private Duration readTimeout;

    @Autowired
    private JdbcClient jdbc;

    private final GreenMail mailServer =
            new GreenMail(new ServerSetup(TestSmtpPort.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @AfterEach
    void stopMailServer() {
        mailServer.stop();
    }

    @Test
    void aMailQueuedWhileTheServerIsDownIsRetriedAndDeliveredWhenItComesBack_T2_C4() {
        TestAccount account = fixtures.newAccount();
        // The sender stops a run at a server that is down: only this test's mail may be due before it.
        clock.set(ONLY_THIS_TESTS_MAIL_IS_DUE);
        Instant now = clock.instant();
        String order = fixtures.pending(account.user(), Product.TLS_OV, "outage.example.com", card());

        assertThat(post(account.user(), "/orders/" + order + "/cancel", "version", version(order)))
                .as("the action does not wait for the mail server")
                .hasStatus3xxRedirection();
        assertThat(state(order).status()).isEqualTo(OrderStatus.CANCELED);
        List<OutboxMail> queued = mails(order);
        assertThat(queued).hasSize(1);

        OutboxMail failed = sendOutboxUntilTried(queued.get(0));

        assertThat(failed.isSent()).isFalse();
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).isNotBlank();
        assertThat(failed.getLastAttemptAt()).isEqualTo(now);
        assertThat(failed.getNextAttemptAt()).as("retried later").isEqualTo(now.plusSeconds(30));

        outboxSender.sendDue();
        assertThat(outboxMails.findById(failed.getId()).orElseThrow().getAttempts())
                .as("not retried before its next attempt is due")
                .isEqualTo(1);

        mailServer.start();
        clock.advance(Duration.ofSeconds(31));
        OutboxMail delivered = sendOutboxUntilTried(failed);

        assertThat(delivered.isSent())
                .as("delivered: %s", delivered.getLastError())
                .isTrue();
        assertThat(delivered.getAttempts()).isEqualTo(2);
        assertThat(delivered.getSentAt()).isEqualTo(now.plusSeconds(31));
        assertThat(delivered.getLastError()).isNull();
        List<MimeMessage> received = Arrays.stream(mailServer.getReceivedMessages())
                .filter(m -> recipientIs(m, account.user().email()))
                .toList();
        assertThat(received)
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject())
                        .isEqualTo(text("mail.cancellation.subject", Locale.JAPANESE, order)));
    }

    /**
     * T2, issue 10: a server that takes the connection and never answers costs one attempt, as long as
     * the read timeout, and the run stops there (the other due mails wait for the next run, untouched)
     * instead of costing a timeout per mail; the mail is retried with the back-off and goes out once a
     * server answers.
     */
    @Test
    void aSilentMailServerCostsOneAttemptOfBoundedLengthAndTheMailGoesOutWhenAServerAnswers_T2() {
        TestAccount account = fixtures.newAccount();
        clock.set(ONLY_THIS_TESTS_MAIL_IS_DUE);
        Instant now = clock.instant();
        OutboxMail first = queueCancellationMail(account, "silent-first.example.com");
        OutboxMail second = queueCancellationMail(account, "silent-second.example.com");

        try (FakeSmtpServer silent = FakeSmtpServer.silent(TestSmtpPort.PORT)) {
            long started = System.nanoTime();
            int delivered = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> outboxSender.sendDue());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(delivered).isZero();
            assertThat(took)
                    .as("one attempt, bounded by the read timeout (%s)", readTimeout)
                    .isLessThan(readTimeout.plusSeconds(2));
            assertThat(silent.connections())
                    .as("the run stops at the silent server instead of trying every mail")
                    .isEqualTo(1);
        }
        OutboxMail failed = outboxMails.findById(first.getId()).orElseThrow();
        assertThat(failed.isSent()).isFalse();
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).isNotBlank();
        assertThat(failed.getLastAttemptAt()).isEqualTo(now);
        assertThat(failed.getNextAttemptAt()).as("retried later").isEqualTo(now.plusSeconds(30));
        OutboxMail untouched = outboxMails.findById(second.getId()).orElseThrow();
        assertThat(untouched.getAttempts()).as("not tried in the stopped run").isZero();
        assertThat(untouched.getNextAttemptAt())
                .as("still due, for the next run")
                .isEqualTo(now);

        mailServer.start();
        clock.advance(Duration.ofSeconds(31));
        assertThat(outboxSender.sendDue()).isEqualTo(2);

        assertThat(outboxMails.findById(first.getId()).orElseThrow())
                .satisfies(m -> assertThat(m.isSent()).isTrue())
                .satisfies(m -> assertThat(m.getAttempts()).isEqualTo(2));
        assertThat(outboxMails.findById(second.getId()).orElseThrow())
                .satisfies(m -> assertThat(m.isSent()).isTrue())
                .satisfies(m -> assertThat(m.getAttempts()).isEqualTo(1));
        assertThat(receivedBy(account.user().email())).hasSize(2);
    }

    /**
     * T2, issue 10: the Message-ID is given once, when the mail is queued, and every attempt carries it,
     * so a mail delivered twice (at least once is what SMTP promises) is recognisably the same mail.
     */
    @Test
    void everyAttemptOfAMailCarriesTheMessageIdItWasGivenWhenQueued_T2() throws Exception {
        TestAccount account = fixtures.newAccount();
        clock.set(ONLY_THIS_TESTS_MAIL_IS_DUE);
        OutboxMail queued = queueCancellationMail(account, "message-id.example.com");
        String messageId = storedMessageId(queued);
        assertThat(messageId)
                .as("stored with the mail when it is queued, in the sender's domain")
                .matches("<[^<>@\\s]+@certportal\\.example>");

        OutboxMail failed;
        try (FakeSmtpServer refusing = FakeSmtpServer.refusingAfterData(TestSmtpPort.PORT)) {
            failed = sendOutboxUntilTried(queued);
            assertThat(refusing.messages()).hasSize(1);
            assertThat(messageIdOf(refusing.messages().get(0))).isEqualTo(messageId);
        }
        assertThat(failed.isSent()).isFalse();

        mailServer.start();
        clock.advance(Duration.ofSeconds(31));
        OutboxMail delivered = sendOutboxUntilTried(failed);

        assertThat(delivered.isSent())
                .as("delivered: %s", delivered.getLastError())
                .isTrue();
        assertThat(receivedBy(account.user().email()))
                .singleElement()
                .satisfies(m -> assertThat(m.getMessageID()).isEqualTo(messageId));
        assertThat(storedMessageId(delivered)).isEqualTo(messageId);
    }

    /**
     * Issue 9, finding 6 (T2): the Mail page says where each mail stands, in both languages: queued
     * until a server is tried, retrying after a failed attempt, sent once a server took it; never
     * "delivered" for a mail that only waits.
     */
    @Test
    void theMailPageSaysQueuedThenRetryingThenSentInBothLanguages_T2() {
        TestAccount account = fixtures.newAccount();
        clock.set(ONLY_THIS_TESTS_MAIL_IS_DUE);
        OutboxMail queued = queueCancellationMail(account, "mail-page.example.com");

        assertThat(mailStatuses(account, Locale.ENGLISH)).containsExactly("Queued");
        assertThat(mailStatuses(account, Locale.JAPANESE)).containsExactly("送信待ち");

        OutboxMail failed = sendOutboxUntilTried(queued);
        assertThat(failed.isSent()).as("no server listens yet").isFalse();

        assertThat(mailStatuses(account, Locale.ENGLISH)).containsExactly("Retrying");
        assertThat(mailStatuses(account, Locale.JAPANESE)).containsExactly("再送待ち");

        mailServer.start();
        clock.advance(Duration.ofSeconds(31));
        assertThat(sendOutboxUntilTried(failed).isSent()).isTrue();

        assertThat(mailStatuses(account, Locale.ENGLISH)).containsExactly("Sent");
        assertThat(mailStatuses(account, Locale.JAPANESE)).containsExactly("送信済み");
    }

    /** The Mail page's badge of each mail, top to bottom, after checking the page is the Mail page. */
    private List<String> mailStatuses(TestAccount account, Locale language) {
        String page = body(getIn(language, account.admin(), "/mail"));
        String title = language == Locale.JAPANESE ? "メール" : "Mail";
        assertThat(Pages.title(page)).isEqualTo(title + " | CertPortal");
        assertThat(Pages.main(page)).contains("<h1>" + title + "</h1>");
        assertThat(page).containsPattern("<a href=\"/mail\"[^>]*>" + title + "</a>");
        assertThat(page).doesNotContain("spring.mail");
        return Pages.badges(Pages.main(page));
    }

    /** An OV order of the account cancelled by its user: one cancellation mail queued (C4). */
    private OutboxMail queueCancellationMail(TestAccount account, String commonName) {
        String order = fixtures.pending(account.user(), Product.TLS_OV, commonName, card());
        assertThat(post(account.user(), "/orders/" + order + "/cancel", "version", version(order)))
                .hasStatus3xxRedirection();
        return mails(order).get(0);
    }

    private String storedMessageId(OutboxMail mail) {
        return jdbc.sql("select message_id from outbox_mail where id = :id")
                .param("id", mail.getId())
                .query(String.class)
                .single();
    }

    private List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(m -> recipientIs(m, address))
                .toList();
    }

    private static String messageIdOf(String rawMessage) throws MessagingException {
        return new MimeMessage(null, new ByteArrayInputStream(rawMessage.getBytes(StandardCharsets.UTF_8)))
                .getMessageID();
    }

    private static boolean recipientIs(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
