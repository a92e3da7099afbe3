package com.certportal.validation;

import com.certportal.action.ActionRefused;
import com.certportal.order.CertificateOrder;
import com.certportal.order.DcvMethod;
import com.certportal.validation.dcv.ApproverEmails;
import com.certportal.validation.dcv.CheckResult;
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
import java.time.Duration;
import java.time.Instant;

/**
 * V1: proof that the account controls one name, started by an order. Validated, it is reused for the
 * account's later orders and reissues while recent enough (V3, {@link ValidationReuse}).
 */
@Entity
@Table(name = "domain_validation")
public class DomainValidation {

    /** How long the random value (or the emailed link) may be used: BR 3.2.2.4.7 and .19, 30 days. */
    public static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

    public enum Status {
        PENDING,
        VALIDATED,
        /** The order that asked for it ended before it was validated. */
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private CertificateOrder order;

    /** The name validated: a wildcard is validated on its base domain (V1). */
    private String name;

    @Enumerated(EnumType.STRING)
    private DcvMethod method;

    private String token;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant createdAt;

    private Instant tokenExpiresAt;

    private Instant validatedAt;

    /** Who or what proved it: the approver address's domain for email, the check for file and DNS. */
    private String validatedBy;

    private int checks;

    private Instant lastCheckedAt;

    private String lastOutcome;

    @Version
    private long version;

    protected DomainValidation() {}

    private DomainValidation(CertificateOrder order, String name, DcvMethod method, String token, Instant now) {
        this.accountId = order.getAccountId();
        this.order = order;
        this.name = name;
        this.method = method;
        this.token = token;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.tokenExpiresAt = now.plus(TOKEN_LIFETIME);
    }

    /**
     * V1: what is validated for {@code name}: by email, its registrable domain (the mail goes to the
     * domain's constructed addresses, and proves every name under it, BR 3.2.2.4.4); by file or DNS,
     * the name itself (a wildcard on its base domain).
     */
    static String validatedNameFor(String name, DcvMethod method) {
        return method == DcvMethod.EMAIL ? ApproverEmails.registrableDomain(name) : ApproverEmails.baseDomain(name);
    }

    static DomainValidation start(CertificateOrder order, String name, DcvMethod method, String token, Instant now) {
        return new DomainValidation(order, validatedNameFor(name, method), method, token, now);
    }

    /** V1, V3: this validation proves control of {@code name} (a base name, without a wildcard). */
    public boolean covers(String name) {
        return this.name.equals(name) || (method == DcvMethod.EMAIL && name.endsWith("." + this.name));
    }

    /** V1: the recipient of the emailed link confirmed it, once and in time. */
    void confirmByEmail(Instant now) {
        if (method != DcvMethod.EMAIL) {
            throw new IllegalStateException("validation " + id + " is not by email");
        }
        if (status != Status.PENDING) {
            throw new ActionRefused("dcv.refused.used", "validation " + id + " is " + status);
        }
        if (now.isAfter(tokenExpiresAt)) {
            throw new ActionRefused("dcv.refused.expired", "validation " + id + " expired at " + tokenExpiresAt);
        }
        validated("email:" + name, now);
    }

    /** V1, V4: a file or DNS check ran; passed, the name is validated. */
    void recordCheck(CheckResult result, Instant now) {
        if (status != Status.PENDING) {
            return;
        }
        checks++;
        lastCheckedAt = now;
        lastOutcome = result.outcomeKey();
        if (result.passed() && !now.isAfter(tokenExpiresAt)) {
            validated(method.key(), now);
        }
    }

    private void validated(String by, Instant now) {
        status = Status.VALIDATED;
        validatedAt = now;
        validatedBy = by;
    }

    /** The order ended (cancelled, rejected, withdrawn) while this waited. */
    void close() {
        if (status == Status.PENDING) {
            status = Status.CLOSED;
        }
    }

    /** V3: validated recently enough to back a certificate issued at {@code at}. */
    public boolean backsIssuanceAt(Instant at) {
        return status == Status.VALIDATED && ValidationReuse.domainStillValid(validatedAt, at);
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    /** V4: whether the page offers "check now" (file and DNS; email waits for its recipient). */
    public boolean isCheckable() {
        return isPending() && method != DcvMethod.EMAIL;
    }

    public boolean tokenExpiredAt(Instant at) {
        return at.isAfter(tokenExpiresAt);
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public CertificateOrder getOrder() {
        return order;
    }

    public String getName() {
        return name;
    }

    public DcvMethod getMethod() {
        return method;
    }

    /**
     * The random value; for the email method the secret of the link, which only the mail carries
     * (pages show it for the file and DNS methods only, {@link OrderValidationState.NameState#token()}).
     */
    public String getToken() {
        return token;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getTokenExpiresAt() {
        return tokenExpiresAt;
    }

    public Instant getValidatedAt() {
        return validatedAt;
    }

    public String getValidatedBy() {
        return validatedBy;
    }

    public int getChecks() {
        return checks;
    }

    public Instant getLastCheckedAt() {
        return lastCheckedAt;
    }

    public String getLastOutcome() {
        return lastOutcome;
    }
}
