package com.certportal.mail;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import com.certportal.order.OrderStatus;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * T2: a mail server that is down delays mail; it never blocks the action or loses the mail. The SMTP
 * server here is started by the test itself, only once the outage is over.
 */
class MailServerOutageTest extends ActionIntegrationTest {

    private final GreenMail mailServer = new GreenMail(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @AfterEach
    void stopMailServer() {
        mailServer.stop();
    }

    @Test
    void aMailQueuedWhileTheServerIsDownIsRetriedAndDeliveredWhenItComesBack_T2_C4() {
        TestAccount account = fixtures.newAccount();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
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

    private static boolean recipientIs(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
