package com.certportal.reminder;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * K8: an expiry reminder written to the outbox for one certificate and one threshold. Its unique key
 * (certificate, threshold) is what makes "once" hold across restarts and instances: the row is
 * inserted first, in the transaction that writes the mails, so of two jobs at once one inserts and
 * sends, the other hits the key and rolls back.
 */
@Entity
@Table(name = "expiry_reminder")
public class ExpiryReminder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The certificate's row id (not its public certificate id). */
    private Long certificateId;

    private Long orderId;

    @Enumerated(EnumType.STRING)
    private ExpiryThreshold threshold;

    private Instant sentAt;

    private int recipients;

    protected ExpiryReminder() {}

    ExpiryReminder(Long certificateId, Long orderId, ExpiryThreshold threshold, Instant sentAt) {
        this.certificateId = certificateId;
        this.orderId = orderId;
        this.threshold = threshold;
        this.sentAt = sentAt;
    }

    void sentTo(int count) {
        this.recipients = count;
    }

    public Long getCertificateId() {
        return certificateId;
    }

    public Long getOrderId() {
        return orderId;
    }

    public ExpiryThreshold getThreshold() {
        return threshold;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public int getRecipients() {
        return recipients;
    }
}
