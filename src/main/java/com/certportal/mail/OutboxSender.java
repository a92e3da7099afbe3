package com.certportal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * T2: sends what the outbox holds, oldest first, each mail claimed in a transaction of its own and its
 * outcome recorded in another; a failure is recorded and retried later. Any number of instances may
 * run it at once (issue 10): each mail is claimed by one of them (see {@link #claimNext}). Without an SMTP host (the embedded demo) nothing is sent and the
 * mails stay readable on the "Sent mail" page.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;

    private final OutboxMailRepository mails;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OutboxSender(
            OutboxMailRepository mails,
            ObjectProvider<JavaMailSender> mailSender,
            MailProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.mails = mails;
        this.mailSender = mailSender;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    public boolean deliveryConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    /** @return how many mails were delivered */
    public int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int delivered = 0;
        for (int i = 0; i < BATCH; i++) {
            Optional<OutboxMail> claimed = transaction.execute(status -> claimNext(clock.instant()));
            if (claimed.isEmpty()) {
                break;
            }
            OutboxMail mail = claimed.get();
            String error = send(sender, mail);
            transaction.executeWithoutResult(status -> {
                OutboxMail stored = mails.findById(mail.getId()).orElseThrow();
                if (error == null) {
                    stored.delivered(clock.instant());
                } else {
                    stored.failed(error, clock.instant());
                }
            });
            if (error == null) {
                delivered++;
            } else {
                log.warn(
                        "Mail {} to {} not delivered (attempt {}): {}",
                        mail.getId(),
                        mail.getRecipient(),
                        mail.getAttempts() + 1,
                        error);
            }
        }
        return delivered;
    }

    /**
     * Issue 10: takes the oldest due mail that no other sender holds (PostgreSQL's FOR UPDATE SKIP
     * LOCKED, which H2 accepts too) and leases it: its next attempt moves {@link OutboxMail#LEASE} ahead
     * in this same transaction. So the row lock lasts only this short transaction, never the SMTP
     * conversation, yet no other instance takes the mail while it is being sent; and a mail whose sender
     * died mid-send is taken again once the lease has run out. One mail per claim, so that the lease
     * covers one conversation, not a batch of them.
     */
    Optional<OutboxMail> claimNext(Instant now) {
        return mails.lockDue(now, 1).stream().findFirst().map(mail -> {
            mail.leaseUntil(now.plus(OutboxMail.LEASE));
            return mail;
        });
    }

    private String send(JavaMailSender sender, OutboxMail mail) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(mail.getRecipient());
            helper.setSubject(mail.getSubject());
            helper.setText(mail.getBody());
            sender.send(message);
            return null;
        } catch (MailException | MessagingException e) {
            return e.getMessage();
        }
    }
}
