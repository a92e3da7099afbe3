package com.certportal.reminder;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.AccountRepository;
import com.certportal.account.AccountSettings;
import com.certportal.account.ChooseReminderRecipients;
import com.certportal.account.MemberRepository;
import com.certportal.account.Members;
import com.certportal.audit.AuditAction;
import com.certportal.catalog.Product;
import com.certportal.mail.MailKind;
import com.certportal.mail.OutboxMail;
import com.certportal.order.Certificate;
import com.certportal.order.OrderRepository;
import com.certportal.order.RevocationReason;
import com.certportal.revocation.Revocations;
import com.certportal.revocation.SubmitRevocation;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Race;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * K8 on PostgreSQL with the MutableClock: expiry reminders are written to the outbox once per
 * certificate and threshold, whatever the number of runs, at once or after a restart (a fresh job on the
 * same database); they follow the order's current certificate, stop once a renewal is issued, and go to
 * the recipients the account chose (M4), each in its own language and time zone.
 */
class ExpiryRemindersTest extends ActionIntegrationTest {

    /** Fixture orders are one-year TLS plans issued here: their first certificate lasts 199 days (I3). */
    private static final Instant ISSUED = Instant.parse("2026-04-01T03:00:00Z");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    @Autowired
    private ExpiryReminders reminders;

    @Autowired
    private ExpiryReminderRepository sentReminders;

    @Autowired
    private EntityManager entityManager;

    @Autowired
    private OrderRepository orders;

    @Autowired
    private AccountRepository accounts;

    @Autowired
    private MemberRepository members;

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private AccountSettings accountSettings;

    @Autowired
    private Members memberships;

    @Autowired
    private Revocations revocations;

    private TestAccount account;

    @BeforeEach
    void freshAccount() {
        clock.set(ISSUED);
        account = fixtures.newAccount();
    }

    @Test
    void eachThresholdIsWrittenOnceAcrossRunsAndAFreshJobOnTheSameDatabase_K8() {
        String order = issued("once");
        Instant expires = expiry(order);

        runAt(expires.minus(Duration.ofDays(90)).minusSeconds(1));
        assertThat(reminderMails(order)).isEmpty();

        runAt(expires.minus(Duration.ofDays(90)));
        assertThat(reminderMails(order))
                .as("the requester and the account's administrator")
                .extracting(OutboxMail::getRecipient)
                .containsExactlyInAnyOrder(
                        account.user().email(), account.admin().email());

        reminders.sendDue();
        freshJob().sendDue();
        assertThat(reminderMails(order)).hasSize(2);

        runAt(expires.minus(Duration.ofDays(60)));
        runAt(expires.minus(Duration.ofDays(60)).plusSeconds(3600));
        assertThat(reminderMails(order)).hasSize(4);
        assertThat(thresholds(order)).containsExactly(ExpiryThreshold.BEFORE_90, ExpiryThreshold.BEFORE_60);
        assertThat(history(order, AuditAction.EXPIRY_REMINDER_SENT))
                .extracting(r -> r.getDetail())
                .containsExactly("reminder.before_90", "reminder.before_60");
    }

    /** Each recipient reads it in its own language, with the expiry in its own zone: order, CN, serial. */
    @Test
    void theReminderNamesTheOrderCommonNameSerialAndExpiryInTheRecipientsLanguageAndZone_K8() {
        String order = issued("content");
        Instant expires = expiry(order);
        String serial = fixtures.withOrder(
                order, o -> o.currentCertificate().orElseThrow().getSerialNumber());
        String cn = "content-" + account.tag() + ".example.com";

        runAt(expires.minus(Duration.ofDays(30)));

        OutboxMail japanese = mailTo(order, account.user().email());
        assertThat(japanese.getKind()).isEqualTo(MailKind.EXPIRY_REMINDER);
        assertThat(japanese.getLanguage()).isEqualTo("ja");
        assertThat(japanese.getSubject()).contains(cn).contains("有効期限");
        assertThat(japanese.getBody())
                .contains(order, cn, serial, MINUTES.format(expires.atZone(ZoneId.of("Asia/Tokyo"))) + " (Asia/Tokyo)")
                .contains("あと30 日");
        OutboxMail english = mailTo(order, account.admin().email());
        assertThat(english.getLanguage()).isEqualTo("en");
        assertThat(english.getSubject())
                .isEqualTo("[CertPortal] The certificate for " + cn + " expires on "
                        + DateTimeFormatter.ISO_LOCAL_DATE.format(expires.atZone(ZoneId.of("Asia/Tokyo"))));
        assertThat(english.getBody())
                .contains("expires in 30 days", serial)
                .as("I3: a one-year plan outlasts its 199-day certificate, so the answer is a reissue")
                .contains("/orders/" + order + "/reissue");
    }

    @Test
    void aJobThatWasNotRunningSendsOnlyTheMostRecentThresholdPassed_K8() {
        String order = issued("late");
        Instant expires = expiry(order);

        runAt(expires.minus(Duration.ofDays(20)));

        assertThat(thresholds(order)).containsExactly(ExpiryThreshold.BEFORE_30);
        assertThat(reminderMails(order)).hasSize(2);
    }

    @Test
    void sevenDaysAfterTheExpiryTheLastReminderSaysItExpired_K8() {
        String order = issued("expired");
        Instant expires = expiry(order);

        runAt(expires.minus(Duration.ofDays(3)));
        runAt(expires.plus(Duration.ofDays(7)).minusSeconds(1));
        assertThat(thresholds(order)).containsExactly(ExpiryThreshold.BEFORE_3);
        runAt(expires.plus(Duration.ofDays(7)));

        assertThat(thresholds(order)).containsExactly(ExpiryThreshold.BEFORE_3, ExpiryThreshold.AFTER_7);
        assertThat(reminderMails(order))
                .filteredOn(m -> m.getKind() == MailKind.CERTIFICATE_EXPIRED)
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.getBody()).contains(order));
    }

    @Test
    void twoRunsAtTheSameMomentWriteEachReminderOnce_K8() throws Exception {
        String order = issued("race");
        clock.set(expiry(order).minus(Duration.ofDays(7)));
        ExpiryReminders other = freshJob();

        Race.atOnce(List.<Callable<Integer>>of(reminders::sendDue, other::sendDue, reminders::sendDue));

        assertThat(thresholds(order)).containsExactly(ExpiryThreshold.BEFORE_7);
        assertThat(reminderMails(order)).hasSize(2);
        assertThat(history(order, AuditAction.EXPIRY_REMINDER_SENT)).hasSize(1);
    }

    /** A reissue makes a new current certificate: the replaced one gets no more reminders. */
    @Test
    void aReissueStopsTheRemindersOfTheReplacedCertificateAndTheNewOneStartsWithThoseAhead_K8() {
        String order = issued("reissue");
        Instant firstExpires = expiry(order);
        runAt(firstExpires.minus(Duration.ofDays(30)));
        assertThat(reminderMails(order)).hasSize(2);

        Instant reissuedAt = firstExpires.minus(Duration.ofDays(25));
        clock.set(reissuedAt);
        String cn = "reissue-" + account.tag() + ".example.com";
        fixtures.reissue(order, cn, List.of(cn, "www." + cn), reissuedAt);
        Instant secondExpires = expiry(order);
        assertThat(secondExpires).isAfter(firstExpires);

        runAt(firstExpires.minus(Duration.ofDays(7)));
        runAt(firstExpires.minus(Duration.ofDays(3)));
        assertThat(reminderMails(order))
                .as("nothing more about the replaced certificate")
                .hasSize(2);

        runAt(secondExpires.minus(Duration.ofDays(90)));
        assertThat(reminderMails(order)).hasSize(4);
        List<ExpiryReminder> written =
                sentReminders.findByOrderIdOrderBySentAtAscIdAsc(state(order).id());
        assertThat(written)
                .extracting(ExpiryReminder::getThreshold)
                .containsExactly(ExpiryThreshold.BEFORE_30, ExpiryThreshold.BEFORE_90);
        assertThat(written.get(0).getCertificateId())
                .isNotEqualTo(written.get(1).getCertificateId());
    }

    /** K6, K8: once a later order renewing it is issued, the renewed order is not reminded any more. */
    @Test
    void anOrderRenewedByAnIssuedOrderGetsNoMoreReminders_K8() {
        String order = issued("renewed");
        Instant expires = expiry(order);
        runAt(expires.minus(Duration.ofDays(30)));
        assertThat(reminderMails(order)).hasSize(2);

        clock.set(expires.minus(Duration.ofDays(10)));
        String renewal = fixtures.renewal(order, account.admin(), null);
        runAt(expires.minus(Duration.ofDays(7)));
        assertThat(reminderMails(order))
                .as("a renewal not issued yet does not stop them, and the reminder points at it")
                .hasSize(4)
                .last()
                .satisfies(m -> assertThat(m.getBody()).contains("/orders/" + renewal));

        issuePending(renewal, expires.minus(Duration.ofDays(5)));
        runAt(expires.minus(Duration.ofDays(3)));
        runAt(expires.plus(Duration.ofDays(7)));

        assertThat(reminderMails(order)).hasSize(4);
    }

    @Test
    void aRevokedOrderGetsNoReminders_K8() {
        String order = issued("revoked");
        Instant expires = expiry(order);
        clock.set(expires.minus(Duration.ofDays(40)));
        revocations.submit(
                new SubmitRevocation(
                        order,
                        RevocationReason.CESSATION_OF_OPERATION,
                        null,
                        true,
                        state(order).version()),
                account.admin());

        runAt(expires.minus(Duration.ofDays(30)));

        assertThat(reminderMails(order)).isEmpty();
        assertThat(thresholds(order)).isEmpty();
    }

    /** M4: only the addresses the administrators chose, in the language and zone chosen for them. */
    @Test
    void theAccountsChoiceOfRecipientsIsFollowed_M4_K8() {
        accountSettings.chooseReminderRecipients(
                new ChooseReminderRecipients(null, null, "PKI-Team@Example.com", "en", "America/New_York"),
                account.admin());
        String order = issued("chosen");
        Instant expires = expiry(order);

        runAt(expires.minus(Duration.ofDays(60)));

        assertThat(reminderMails(order)).singleElement().satisfies(mail -> {
            assertThat(mail.getRecipient()).isEqualTo("pki-team@example.com");
            assertThat(mail.getLanguage()).isEqualTo("en");
            assertThat(mail.getBody())
                    .contains(MINUTES.format(expires.atZone(ZoneId.of("America/New_York"))) + " (America/New_York)");
        });
    }

    @Test
    void aDeactivatedRequesterIsNotMailed_K8() {
        String order = issued("left");
        memberships.deactivate(account.user().memberId(), account.admin());
        Instant expires = expiry(order);

        runAt(expires.minus(Duration.ofDays(90)));

        assertThat(reminderMails(order))
                .extracting(OutboxMail::getRecipient)
                .containsExactly(account.admin().email());
    }

    private String issued(String name) {
        String cn = name + "-" + account.tag() + ".example.com";
        return fixtures.issued(account.user(), Product.TLS_DV, cn, card(), ISSUED);
    }

    private Instant expiry(String order) {
        return fixtures.withOrder(
                order,
                o -> o.currentCertificate().map(Certificate::getExpiresAt).orElseThrow());
    }

    private void runAt(Instant now) {
        clock.set(now);
        reminders.sendDue();
    }

    private void issuePending(String order, Instant at) {
        clock.set(at);
        fixtures.issuePending(order, at);
    }

    /** The job as a restarted instance would make it: nothing in memory, the same database. */
    private ExpiryReminders freshJob() {
        return new ExpiryReminders(entityManager, sentReminders, orders, accounts, members, events, transaction, clock);
    }

    private List<ExpiryThreshold> thresholds(String order) {
        return sentReminders.findByOrderIdOrderBySentAtAscIdAsc(state(order).id()).stream()
                .map(ExpiryReminder::getThreshold)
                .toList();
    }

    private List<OutboxMail> reminderMails(String order) {
        return mails(order).stream()
                .filter(m -> m.getKind() == MailKind.EXPIRY_REMINDER || m.getKind() == MailKind.CERTIFICATE_EXPIRED)
                .toList();
    }

    private OutboxMail mailTo(String order, String recipient) {
        return reminderMails(order).stream()
                .filter(m -> m.getRecipient().equals(recipient))
                .findFirst()
                .orElseThrow();
    }
}
