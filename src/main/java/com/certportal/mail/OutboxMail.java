package com.certportal.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * T2: a mail stored in the same transaction as the change that causes it, then sent and retried until
 * it is delivered. A mail server that is down delays mail; it never loses one or blocks an action.
 */
@Entity
@Table(name = "outbox_mail")
public class OutboxMail {

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    /**
     * Issue 10: how long a sender holds a mail it took (see OutboxSender#claimNext): far longer than one
     * SMTP conversation, so that no other instance sends it meanwhile; a mail whose sender died is sent
     * again this long after it was taken.
     */
    public static final Duration LEASE = Duration.ofMinutes(5);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;
    private Long orderId;
    private String kind;
    private String recipient;
    private String language;
    private String subject;
    private String body;
    /** Given when the mail is queued, carried by every attempt; null only for mails sent before it was kept. */
    private String messageId;

    private Instant createdAt;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant lastAttemptAt;
    private String lastError;
    private Instant sentAt;

    protected OutboxMail() {}

    OutboxMail(
            Long accountId,
            Long orderId,
            MailKind kind,
            String recipient,
            String language,
            String subject,
            String body,
            String messageId,
            Instant now) {
        this.accountId = accountId;
        this.orderId = orderId;
        this.kind = kind.name();
        this.recipient = recipient;
        this.language = language;
        this.subject = subject;
        this.body = body;
        this.messageId = messageId;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Issue 10: taken by one sender, which no other sender overtakes before {@code until}. */
    void leaseUntil(Instant until) {
        nextAttemptAt = until;
    }

    /** Recorded once: should a sender whose lease ran out report late, the first outcome stands. */
    void delivered(Instant now) {
        if (isSent()) {
            return;
        }
        attempts++;
        lastAttemptAt = now;
        sentAt = now;
        lastError = null;
    }

    /** Retried with a doubling delay, at most an hour apart, for as long as it takes. */
    void failed(String error, Instant now) {
        if (isSent()) {
            return;
        }
        attempts++;
        lastAttemptAt = now;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
        nextAttemptAt = now.plus(delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay);
    }

    public boolean isSent() {
        return sentAt != null;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getOrderId() {
        return orderId;
    }

    public MailKind getKind() {
        return MailKind.valueOf(kind);
    }

    public String getRecipient() {
        return recipient;
    }

    public String getLanguage() {
        return language;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getMessageId() {
        return messageId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
