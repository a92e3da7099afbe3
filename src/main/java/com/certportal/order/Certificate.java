package com.certportal.order;

import com.certportal.pki.IssuedCertificate;
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

    private Instant notBefore;

    private Instant expiresAt;

    /** I1: the certificate as the CA signed it (public data). */
    private String pem;

    /** I1: which of the CA's families signed it (TLS, code signing, ...). */
    private String caFamily;

    private Instant revokedAt;

    @Enumerated(EnumType.STRING)
    private RevocationReason revocationReason;

    /** K2: when a reissue with a new common name will revoke this (original) certificate. */
    private Instant revocationScheduledAt;

    protected Certificate() {}

    Certificate(
            CertificateOrder order,
            String certificateId,
            IssuedCertificate issued,
            String commonName,
            List<String> subjectAltNames,
            Instant issuedAt) {
        this.order = order;
        this.certificateId = certificateId;
        this.serialNumber = issued.serialHex();
        this.commonName = commonName;
        this.subjectAltNames = SubjectAltNames.join(subjectAltNames);
        this.status = Status.VALID;
        this.issuedAt = issuedAt;
        this.notBefore = issued.notBefore();
        this.expiresAt = issued.notAfter();
        this.pem = issued.pem();
        this.caFamily = issued.family().key();
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

    /** The row id (the public one is {@link #getCertificateId()}). */
    public Long getId() {
        return id;
    }

    public CertificateOrder getOrder() {
        return order;
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

    public Instant getNotBefore() {
        return notBefore;
    }

    public String getPem() {
        return pem;
    }

    public String getCaFamily() {
        return caFamily;
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
