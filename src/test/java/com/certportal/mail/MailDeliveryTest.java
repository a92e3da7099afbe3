package com.certportal.mail;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.ReceivedMail;
import com.certportal.support.TestSmtpPort;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * T2 with a real SMTP server (GreenMail on the port the tests point the sender at): the mails of C4, A2
 * and R5 arrive with the right recipient, language and content; R8 sends none.
 */
class MailDeliveryTest extends ActionIntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(TestSmtpPort.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    private MailProperties mailProperties;

    private TestAccount account;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount();
    }

    @Test
    void anOvCancellationMailReachesTheRequesterInItsLanguage_C4_T2() throws Exception {
        String order = fixtures.pending(account.user(), Product.TLS_OV, "ov-delivered.example.com", card());
        assertThat(post(account.admin(), "/orders/" + order + "/cancel", "version", version(order)))
                .hasStatus3xxRedirection();

        OutboxMail sent = deliver(order);

        MimeMessage message = receivedBy(account.user().email()).get(0);
        assertThat(message.getSubject())
                .isEqualTo(text("mail.cancellation.subject", Locale.JAPANESE, order))
                .isEqualTo(sent.getSubject());
        assertThat(mimeText(message)).contains(order).contains("ov-delivered.example.com");
        assertThat(Arrays.stream(message.getFrom()).map(Address::toString)).containsExactly(mailProperties.from());
        assertThat(sent.getSentAt()).isNotNull();
        assertThat(sent.getAttempts()).isEqualTo(1);
    }

    @Test
    void theRejectionMailReachesTheRequesterWithTheAdministratorsComment_A2_T2() throws Exception {
        String order = fixtures.issued(account.user(), Product.TLS_DV, "rejected.example.com", card(), clock.instant());
        assertThat(post(
                        account.user(),
                        "/orders/" + order + "/revoke",
                        "reason",
                        "superseded",
                        "version",
                        version(order)))
                .hasStatus3xxRedirection();
        Long requestId = requests(account.id(), order).get(0).getId();
        assertThat(post(account.admin(), "/requests/" + requestId + "/reject", "comment", "Renew instead"))
                .hasStatus3xxRedirection();

        deliver(order);

        MimeMessage message = receivedBy(account.user().email()).get(0);
        assertThat(message.getSubject()).isEqualTo(text("mail.revocation_rejected.subject", Locale.JAPANESE, order));
        assertThat(mimeText(message))
                .contains(order)
                .contains("Renew instead")
                .contains(text("revocation-reason.superseded", Locale.JAPANESE));
    }

    @Test
    void theSupportMailReachesTheSupportAddressWithOrderNumberReasonAndNote_R5_T2() throws Exception {
        String order = fixtures.issued(
                account.user(), Product.EV_CODE_SIGNING, "support-mail.example.com", card(), clock.instant());
        assertThat(post(
                        account.user(),
                        "/orders/" + order + "/support-revocation",
                        "reason",
                        "cessation_of_operation",
                        "note",
                        "Token destroyed; please revoke.",
                        "version",
                        version(order)))
                .hasStatus3xxRedirection();

        deliver(order);

        MimeMessage message = receivedBy(mailProperties.supportAddress()).stream()
                .filter(m -> ReceivedMail.subject(m).contains(order))
                .findFirst()
                .orElseThrow();
        assertThat(mimeText(message))
                .contains(order)
                .contains("Token destroyed; please revoke.")
                .contains(text(
                        "revocation-reason.cessation_of_operation",
                        Locale.forLanguageTag(mailProperties.supportLanguage())))
                .contains(account.user().email());
    }

    @Test
    void aCompletedRevocationSendsNoMail_R8() throws Exception {
        String approved =
                fixtures.issued(account.user(), Product.TLS_OV, "approved.example.com", card(), clock.instant());
        String immediate =
                fixtures.issued(account.user(), Product.TLS_OV, "immediate.example.com", card(), clock.instant());
        assertThat(post(
                        account.user(),
                        "/orders/" + approved + "/revoke",
                        "reason",
                        "unspecified",
                        "version",
                        version(approved)))
                .hasStatus3xxRedirection();
        Long requestId = requests(account.id(), approved).get(0).getId();
        assertThat(post(account.admin(), "/requests/" + requestId + "/approve")).hasStatus3xxRedirection();
        assertThat(post(
                        account.admin(),
                        "/orders/" + immediate + "/revoke",
                        "reason",
                        "unspecified",
                        "skipApproval",
                        "true",
                        "version",
                        version(immediate)))
                .hasStatus3xxRedirection();

        for (int round = 0; round < 50 && outboxSender.sendDue() > 0; round++) {
            // drain whatever other tests left due, so that anything of ours would have been sent
        }

        assertThat(mails(approved)).isEmpty();
        assertThat(mails(immediate)).isEmpty();
        assertThat(receivedBy(account.user().email())).isEmpty();
        assertThat(receivedBy(account.admin().email())).isEmpty();
    }

    /** Sends the order's only mail and returns it as stored after delivery. */
    private OutboxMail deliver(String order) {
        List<OutboxMail> queued = mails(order);
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).isSent()).as("recorded before it is sent (T2)").isFalse();
        OutboxMail sent = sendOutboxUntilTried(queued.get(0));
        assertThat(sent.isSent()).as("delivered: %s", sent.getLastError()).isTrue();
        return sent;
    }

    private static List<MimeMessage> receivedBy(String address) {
        return ReceivedMail.to(address, greenMail.getReceivedMessages());
    }

    /** The decoded text of the mail (the sender writes UTF-8, possibly quoted-printable or base64). */
    private static String mimeText(MimeMessage message) throws Exception {
        return String.valueOf(message.getContent());
    }
}
