package com.certportal.order;

import com.certportal.account.Member;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * K4: a reissue of an issued order that waits for its names' validation (V, reusing the account's
 * validations per V3), then is issued onto the same order; or is cancelled while it waits. It is part
 * of the order's aggregate: only {@link CertificateOrder} moves it, and an order has at most one
 * waiting at a time. Closed ones stay as the order's record of what was asked.
 */
@Entity
@Table(name = "reissue")
public class Reissue {

    public enum Status {
        WAITING,
        ISSUED,
        CANCELED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private CertificateOrder order;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Member requester;

    /** The new CSR (a public request, never a key). */
    private String csrPem;

    private String commonName;

    private String subjectAltNames;

    @Enumerated(EnumType.STRING)
    private DcvMethod dcvMethod;

    private String comment;

    /** The member said the current key was compromised: the new key must be another one. */
    private boolean keyCompromised;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant requestedAt;

    private Instant closedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    private Member closedBy;

    /** The certificate it was issued as. */
    private String certificateId;

    @Version
    private long version;

    protected Reissue() {}

    Reissue(CertificateOrder order, Member requester, ReissueSpec spec, Instant now) {
        this.order = order;
        this.requester = requester;
        this.csrPem = spec.csrPem();
        this.commonName = spec.commonName();
        this.subjectAltNames = SubjectAltNames.join(spec.names());
        this.dcvMethod = spec.dcvMethod();
        this.comment = spec.comment();
        this.keyCompromised = spec.keyCompromised();
        this.status = Status.WAITING;
        this.requestedAt = now;
    }

    void issued(String certificateId, Instant now) {
        this.status = Status.ISSUED;
        this.certificateId = certificateId;
        this.closedAt = now;
    }

    void canceled(Member by, Instant now) {
        this.status = Status.CANCELED;
        this.closedBy = by;
        this.closedAt = now;
    }

    /** K4: the member who asked for it, or an administrator, may cancel it while it waits. */
    public boolean cancelableBy(long memberId, boolean administrator) {
        return status == Status.WAITING && (administrator || requester.getId() == memberId);
    }

    public boolean isWaiting() {
        return status == Status.WAITING;
    }

    public Long getId() {
        return id;
    }

    public CertificateOrder getOrder() {
        return order;
    }

    public Member getRequester() {
        return requester;
    }

    public String getCsrPem() {
        return csrPem;
    }

    public String getCommonName() {
        return commonName;
    }

    /** Every name of the reissued certificate, its common name first. */
    public List<String> getSubjectAltNames() {
        return SubjectAltNames.split(subjectAltNames);
    }

    public DcvMethod getDcvMethod() {
        return dcvMethod;
    }

    public String getComment() {
        return comment;
    }

    public boolean isKeyCompromised() {
        return keyCompromised;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getCertificateId() {
        return certificateId;
    }

    public long getVersion() {
        return version;
    }
}
