package com.certportal.order;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One X.509 certificate issued under an order; reissues and duplicates add more to the same order. */
@Entity
@Table(name = "certificate")
public class Certificate {

    public enum Status {
        VALID,
        REVOKED;

        public String key() {
            return "certificate-status." + name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String certificateId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private CertificateOrder order;

    private String serialNumber;

    private String commonName;

    private String subjectAltNames;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant issuedAt;

    private Instant expiresAt;

    private Instant revokedAt;

    @Enumerated(EnumType.STRING)
    private RevocationReason revocationReason;

    /** K2: when a reissue with a new common name will revoke this (original) certificate. */
    private Instant revocationScheduledAt;

    protected Certificate() {}

    Certificate(
            CertificateOrder order,
            String certificateId,
            String serialNumber,
            String commonName,
            List<String> subjectAltNames,
            Instant issuedAt,
            Instant expiresAt) {
        this.order = order;
        this.certificateId = certificateId;
        this.serialNumber = serialNumber;
        this.commonName = commonName;
        this.subjectAltNames = SubjectAltNames.join(subjectAltNames);
        this.status = Status.VALID;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    void revoke(RevocationReason reason, Instant at) {
        if (status == Status.VALID) {
            status = Status.REVOKED;
            revokedAt = at;
            revocationReason = reason;
            revocationScheduledAt = null;
        }
    }

    void scheduleRevocation(Instant at) {
        revocationScheduledAt = at;
    }

    public boolean isValid() {
        return status == Status.VALID;
    }

    public String getCertificateId() {
        return certificateId;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public String getCommonName() {
        return commonName;
    }

    public List<String> getSubjectAltNames() {
        return SubjectAltNames.split(subjectAltNames);
    }

    public Status getStatus() {
        return status;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public RevocationReason getRevocationReason() {
        return revocationReason;
    }

    public Instant getRevocationScheduledAt() {
        return revocationScheduledAt;
    }
}
