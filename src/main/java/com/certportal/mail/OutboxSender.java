package com.certportal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * T2: sends what the outbox holds, oldest first, each mail claimed in a transaction of its own and its
 * outcome recorded in another; a failure is recorded and retried later. Any number of instances may
 * run it at once (issue 10): each mail is claimed by one of them (see {@link #claimNext}). A server
 * that cannot be reached or stays silent ends the run after one attempt of bounded length (the
 * session's timeouts, {@link MailSessionTimeouts}). Without an SMTP host (the embedded demo) nothing is sent and the
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
            Attempt attempt = send(sender, mail);
            String error = attempt.error();
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
                if (attempt.serverFailed()) {
                    // T2, issue 10: an unreachable or silent server fails every mail alike, each after a
                    // timeout; the others wait, untouched, for the next run.
                    break;
                }
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

    /** One attempt: delivered (no error), or its error and whether the server itself failed. */
    private record Attempt(String error, boolean serverFailed) {}

    private Attempt send(JavaMailSender sender, OutboxMail mail) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(mail.getRecipient());
            helper.setSubject(mail.getSubject());
            helper.setText(mail.getBody());
            if (mail.getMessageId() != null) {
                // T2, issue 10: the id the mail was given when queued, on every attempt. Spring's sender
                // keeps an explicit Message-ID when it saves the message (Jakarta Mail would make a new one).
                message.setHeader("Message-ID", mail.getMessageId());
            }
            sender.send(message);
            return new Attempt(null, false);
        } catch (MailException e) {
            return new Attempt(e.getMessage(), serverFailed(e));
        } catch (MessagingException e) {
            return new Attempt(e.getMessage(), false);
        }
    }

    /**
     * The server, not this mail, failed: it could not be reached, stayed silent past a timeout, broke
     * off, or refused the portal's sign-in. A mail the server refused (a recipient, a temporary 4xx)
     * fails alone.
     */
    private static boolean serverFailed(MailException failure) {
        if (failure instanceof MailAuthenticationException || causedByIo(failure)) {
            return true;
        }
        return failure instanceof MailSendException send
                && Arrays.stream(send.getMessageExceptions()).anyMatch(OutboxSender::causedByIo);
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
