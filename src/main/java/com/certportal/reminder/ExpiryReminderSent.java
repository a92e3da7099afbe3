package com.certportal.reminder;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.Audited;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import java.time.Instant;
import java.util.List;

/**
 * K8: an expiry reminder of the order's current certificate is due and recorded; mail writes it to each
 * recipient (in the same transaction), and the order's history shows it.
 */
public record ExpiryReminderSent(
        CertificateOrder order,
        Certificate certificate,
        ExpiryThreshold threshold,
        List<ReminderRecipient> recipients,
        Instant at)
        implements Audited {

    public ExpiryReminderSent {
        recipients = List.copyOf(recipients);
    }

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.of(AuditAction.EXPIRY_REMINDER_SENT, at)
                .order(order.getAccountId(), order.getId(), order.getOrderNumber())
                .detail(recipients.isEmpty() ? "reminder.nobody" : "reminder." + threshold.key());
    }
}
