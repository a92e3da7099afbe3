package com.certportal.audit;

import java.time.Instant;

/**
 * One line of the trail (T1): who, what, when, from which status to which, reason and comment.
 * Built fluently by the events and services that know each part.
 */
public final class AuditEntry {

    AuditAction action;
    final Instant at;
    Long accountId;
    Long orderId;
    String orderNumber;
    Long requestId;
    Long actorId;
    String fromStatus;
    String toStatus;
    String reason;
    String comment;
    String detail;

    private AuditEntry(AuditAction action, Instant at) {
        this.action = action;
        this.at = at;
    }

    public static AuditEntry of(AuditAction action, Instant at) {
        return new AuditEntry(action, at);
    }

    /** The action, once known (a decision on a request is named by the request's kind). */
    public AuditEntry action(AuditAction action) {
        this.action = action;
        return this;
    }

    public AuditEntry order(Long accountId, Long orderId, String orderNumber) {
        this.accountId = accountId;
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        return this;
    }

    public AuditEntry account(Long accountId) {
        this.accountId = accountId;
        return this;
    }

    public AuditEntry request(Long requestId) {
        this.requestId = requestId;
        return this;
    }

    public AuditEntry actor(Long actorId) {
        this.actorId = actorId;
        return this;
    }

    public AuditEntry move(Object from, Object to) {
        this.fromStatus = from == null ? null : from.toString();
        this.toStatus = to == null ? null : to.toString();
        return this;
    }

    public AuditEntry reason(Object reason) {
        this.reason = reason == null ? null : reason.toString();
        return this;
    }

    public AuditEntry comment(String comment) {
        this.comment = comment;
        return this;
    }

    public AuditEntry detail(String detail) {
        this.detail = detail;
        return this;
    }

    public AuditAction action() {
        return action;
    }
}
