package com.certportal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.ReceivedMail;
import com.certportal.support.TestSmtpPort;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * T2 with several instances (issue 10): each sender claims the mails it sends with a row lock that
 * skips rows another sender holds, and leases them by moving their next attempt forward in the same
 * transaction; no lock is held while it talks to the SMTP server. Two senders running at once deliver
 * every mail once, and a mail whose sender died half-way is sent again once its lease has run out.
 */
class OutboxClaimTest extends ActionIntegrationTest {

    private static final int MAILS = 12;

    @RegisterExtension
    static GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(TestSmtpPort.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    private Outbox outbox;

    @Autowired
    private TransactionTemplate transaction;

    private TestAccount account;
    private ExecutorService senders;

    @BeforeEach
    void accountAndSenders() {
        clock.set(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        account = fixtures.newAccount();
        senders = Executors.newFixedThreadPool(2);
        drain(); // what other tests left due goes first, so that only this test's mail is due after
    }

    @AfterEach
    void stopSenders() throws InterruptedException {
        senders.shutdownNow();
        assertThat(senders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void twoSendersRunningAtOnceDeliverEveryMailExactlyOnce_T2() throws Exception {
        List<OutboxMail> queued = queue(MAILS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = IntStream.range(0, 2)
                .mapToObj(i -> senders.submit(() -> {
                    start.await();
                    return outboxSender.sendDue();
                }))
                .toList();
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        drain();

        List<String> subjects = receivedSubjects();
        assertThat(subjects).hasSize(MAILS).doesNotHaveDuplicates();
        assertThat(queued)
                .map(mail -> outboxMails.findById(mail.getId()).orElseThrow())
                .allSatisfy(mail -> {
                    assertThat(mail.isSent()).isTrue();
                    assertThat(mail.getAttempts()).isEqualTo(1);
                });
    }

    @Test
    void aMailWhoseSenderDiedMidSendIsSentAgainOnlyOnceItsLeaseRunsOut_T2() {
        OutboxMail mail = queue(1).get(0);
        Instant claimedAt = clock.instant();

        // A sender claims it and dies before it can record anything.
        Optional<OutboxMail> claimed = transaction.execute(status -> outboxSender.claimNext(claimedAt));
        assertThat(claimed).map(OutboxMail::getId).contains(mail.getId());

        drain();
        assertThat(outboxMails.findById(mail.getId()).orElseThrow().isSent())
                .as("leased: no other sender takes it meanwhile")
                .isFalse();
        assertThat(receivedSubjects()).isEmpty();

        clock.set(claimedAt.plus(OutboxMail.LEASE));
        drain();

        OutboxMail sent = outboxMails.findById(mail.getId()).orElseThrow();
        assertThat(sent.isSent()).isTrue();
        assertThat(sent.getSentAt()).isEqualTo(claimedAt.plus(OutboxMail.LEASE));
        assertThat(receivedSubjects()).hasSize(1);
    }

    private List<OutboxMail> queue(int count) {
        return transaction.execute(status -> IntStream.range(0, count)
                .mapToObj(i -> outbox.enqueue(
                        MailKind.CANCELLATION,
                        account.id(),
                        null,
                        account.user().email(),
                        Locale.ENGLISH,
                        "claim-" + account.tag() + "-" + i,
                        "claim.example.com",
                        "TLS DV"))
                .toList());
    }

    /** Sends whatever is due (other tests' mail too) until nothing more goes out. */
    private void drain() {
        for (int round = 0; round < 50 && outboxSender.sendDue() > 0; round++) {
            // the next round takes what the previous one left
        }
    }

    private List<String> receivedSubjects() {
        return ReceivedMail.to(account.user().email(), greenMail.getReceivedMessages()).stream()
                .map(ReceivedMail::subject)
                .toList();
    }
}
