package com.certportal.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** T1: a line of the trail. Immutable: written once, never edited or deleted. */
@Entity
@Immutable
@Table(name = "audit_record")
public class AuditRecord {

    public enum Outcome {
        DONE,
        REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;
    private Long orderId;
    private String orderNumber;
    private Long requestId;
    private Long actorId;
    private String actorEmail;

    @Enumerated(EnumType.STRING)
    private AuditAction action;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String fromStatus;
    private String toStatus;
    private String reason;
    private String comment;
    private String detail;
    private Instant occurredAt;

    protected AuditRecord() {}

    AuditRecord(AuditEntry entry, String actorEmail, Outcome outcome) {
        this.accountId = entry.accountId;
        this.orderId = entry.orderId;
        this.orderNumber = clip(entry.orderNumber, 64);
        this.requestId = entry.requestId;
        this.actorId = entry.actorId;
        this.actorEmail = clip(actorEmail, 320);
        this.action = entry.action;
        this.outcome = outcome;
        this.fromStatus = entry.fromStatus;
        this.toStatus = entry.toStatus;
        this.reason = clip(entry.reason, 64);
        this.comment = clip(entry.comment, 2000);
        this.detail = clip(entry.detail, 500);
        this.occurredAt = entry.at;
    }

    /**
     * A refused, forged input may be longer than a column; the trail keeps what fits. It may also hold
     * characters that cannot be stored (NUL) or that would disguise the trail when read (other controls,
     * bidi overrides, issue 9): those are kept as visible escapes ("\\u202e"), so the trail shows exactly
     * what was sent.
     */
    private static String clip(String value, int max) {
        String visible = visible(value);
        return visible == null || visible.length() <= max ? visible : visible.substring(0, max - 1) + "…";
    }

    public static String visible(String value) {
        if (value == null || value.chars().noneMatch(AuditRecord::invisible)) {
            return value;
        }
        StringBuilder shown = new StringBuilder(value.length() + 16);
        value.chars().forEach(c -> shown.append(invisible(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return shown.toString();
    }

    /** The characters FormInput refuses in typed text (the trail keeps refused input, so it sees them). */
    private static boolean invisible(int c) {
        return (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t')
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
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

    public String getOrderNumber() {
        return orderNumber;
    }

    public Long getRequestId() {
        return requestId;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActorEmail() {
        return actorEmail;
    }

    public AuditAction getAction() {
        return action;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public boolean isRefused() {
        return outcome == Outcome.REFUSED;
    }

    public String getFromStatus() {
        return fromStatus;
    }

    public String getToStatus() {
        return toStatus;
    }

    public String getReason() {
        return reason;
    }

    public String getComment() {
        return comment;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
