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

    /** K7: what a certificate came from. */
    public enum Origin {
        /** The order's first certificate (I4). */
        ORIGINAL,
        /** K4: a reissue, with a new key and possibly new names. */
        REISSUE,
        /** K5: another key for the same names. */
        DUPLICATE;

        public String key() {
            return "certificate-origin." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** K7: a certificate as the order page shows it at one instant. */
    public enum Lifecycle {
        VALID,
        /** K2: still valid, its superseded revocation is scheduled. */
        REVOCATION_PENDING,
        REVOKED,
        EXPIRED;

        public String key() {
            return "certificate-lifecycle." + name().toLowerCase(Locale.ROOT);
        }

        /** A lower-case word for styles and test hooks. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
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

    /** K2: when a reissue that dropped a name this certificate carries makes it due for revocation. */
    private Instant revocationScheduledAt;

    @Enumerated(EnumType.STRING)
    private Origin origin;

    /** K7: the certificate id this one was reissued or duplicated from; none for the original. */
    private String derivedFrom;

    protected Certificate() {}

    Certificate(
            CertificateOrder order,
            String certificateId,
            IssuedCertificate issued,
            String commonName,
            List<String> subjectAltNames,
            Origin origin,
            Certificate derivedFrom,
            Instant issuedAt) {
        if ((origin == Origin.ORIGINAL) != (derivedFrom == null)) {
            throw new IllegalArgumentException(origin + " certificate derived from " + derivedFrom);
        }
        this.origin = origin;
        this.derivedFrom = derivedFrom == null ? null : derivedFrom.getCertificateId();
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

    /** Revokes a valid certificate; returns whether it was valid (a revoked one stays as it was). */
    boolean revoke(RevocationReason reason, Instant at) {
        if (status != Status.VALID) {
            return false;
        }
        status = Status.REVOKED;
        revokedAt = at;
        revocationReason = reason;
        // K2: once revoked (superseded when due, or earlier for another reason) nothing is pending.
        revocationScheduledAt = null;
        return true;
    }

    /**
     * K2: due for revocation (superseded) at {@code dueAt}. A certificate already scheduled keeps its
     * earlier moment: a later reissue never postpones what an earlier one announced.
     */
    void scheduleRevocation(Instant dueAt) {
        if (status == Status.VALID && (revocationScheduledAt == null || dueAt.isBefore(revocationScheduledAt))) {
            revocationScheduledAt = dueAt;
        }
    }

    public boolean isValid() {
        return status == Status.VALID;
    }

    /** K2: valid, with its superseded revocation scheduled. */
    public boolean isRevocationPending() {
        return status == Status.VALID && revocationScheduledAt != null;
    }

    /** K2: the job revokes it at {@code now} (at or after the moment it was due). */
    public boolean isRevocationDueAt(Instant now) {
        return isRevocationPending() && SupersededRevocation.isDue(revocationScheduledAt, now);
    }

    /** K1, K5: valid, not about to be revoked, and not expired at {@code now}: it serves a server. */
    public boolean servesAt(Instant now) {
        return status == Status.VALID && revocationScheduledAt == null && now.isBefore(expiresAt);
    }

    /** K7: valid, revocation pending, revoked or expired, at {@code now}. */
    public Lifecycle lifecycleAt(Instant now) {
        if (status == Status.REVOKED) {
            return Lifecycle.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return Lifecycle.EXPIRED;
        }
        return revocationScheduledAt != null ? Lifecycle.REVOCATION_PENDING : Lifecycle.VALID;
    }

    /** K4, K5: whether this certificate certifies {@code key}. */
    boolean hasKey(java.security.PublicKey key) {
        return pem != null && com.certportal.pki.PublicKeys.same(com.certportal.pki.PublicKeys.ofCertificate(pem), key);
    }

    /** K4: revoked because its key was compromised: that key never serves this order again. */
    boolean isKeyCompromised() {
        return status == Status.REVOKED && revocationReason == RevocationReason.KEY_COMPROMISE;
    }

    /** K2: every name this certificate certifies (its common name among them). */
    java.util.Set<String> names() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        names.add(commonName);
        names.addAll(getSubjectAltNames());
        return names;
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

    public Origin getOrigin() {
        return origin;
    }

    public String getDerivedFrom() {
        return derivedFrom;
    }

    public Long getId() {
        return id;
    }
}
