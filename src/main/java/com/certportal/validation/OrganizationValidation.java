package com.certportal.validation;

import com.certportal.account.Member;
import com.certportal.action.ActionRefused;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/**
 * V2: the CA's validation agents confirm the organization behind an account (for OV, EV, code-signing
 * and document-signing orders), with a note. Approved, it is reused for 397 days (V3).
 */
@Entity
@Table(name = "organization_validation")
public class OrganizationValidation {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;

    private String organizationName;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant requestedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    private Member decidedBy;

    private Instant decidedAt;

    private String note;

    @Version
    private long version;

    protected OrganizationValidation() {}

    OrganizationValidation(Long accountId, String organizationName, Instant now) {
        this.accountId = accountId;
        this.organizationName = organizationName;
        this.status = Status.PENDING;
        this.requestedAt = now;
    }

    /** V2: decided once, by an agent, with a note (required to reject: the customer must learn why). */
    void decide(boolean approve, Member agent, String note, Instant now) {
        if (status != Status.PENDING) {
            throw new ActionRefused(
                    "organization-validation.refused.decided",
                    "organization validation " + id + " is already " + status,
                    "organization-validation-status." + status.key());
        }
        status = approve ? Status.APPROVED : Status.REJECTED;
        decidedBy = agent;
        decidedAt = now;
        this.note = note;
    }

    /** V3: approved recently enough to back a certificate issued at {@code at}. */
    public boolean backsIssuanceAt(Instant at) {
        return status == Status.APPROVED && ValidationReuse.organizationStillValid(decidedAt, at);
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getOrganizationName() {
        return organizationName;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Member getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getNote() {
        return note;
    }

    public long getVersion() {
        return version;
    }
}
