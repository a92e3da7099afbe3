package com.certportal.refund;

import com.certportal.action.ActionRefused;
import com.certportal.order.CertificateOrder;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** P2: a paid bank transfer to give back; the finance manager contacts the customer, then refunds. */
@Entity
@Table(name = "refund_case")
public class RefundCase {

    public enum Status {
        OPEN,
        CONTACTED,
        REFUNDED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private CertificateOrder order;

    private Long accountId;

    /** P6: the order's price only; a hardware token is never refunded. */
    private BigDecimal amount;

    private String currency;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant openedAt;

    private Instant contactedAt;

    private Instant refundedAt;

    @Version
    private long version;

    protected RefundCase() {}

    static RefundCase open(CertificateOrder order, Instant now) {
        RefundCase refund = new RefundCase();
        refund.order = order;
        refund.accountId = order.getAccountId();
        refund.amount = order.getPayment().refundableAmount();
        refund.currency = order.getPayment().getCurrency();
        refund.status = Status.OPEN;
        refund.openedAt = now;
        return refund;
    }

    void markContacted(Instant now) {
        if (status != Status.OPEN) {
            throw refused("contact");
        }
        status = Status.CONTACTED;
        contactedAt = now;
    }

    void markRefunded(Instant now) {
        if (status == Status.REFUNDED) {
            throw refused("refund");
        }
        if (contactedAt == null) {
            contactedAt = now;
        }
        status = Status.REFUNDED;
        refundedAt = now;
    }

    private ActionRefused refused(String move) {
        return new ActionRefused(
                "refund.refused.status",
                "refund case " + id + " is " + status + ": cannot " + move,
                id,
                "refund-status." + status.key());
    }

    public boolean canMarkContacted() {
        return status == Status.OPEN;
    }

    public boolean canMarkRefunded() {
        return status != Status.REFUNDED;
    }

    public Long getId() {
        return id;
    }

    public CertificateOrder getOrder() {
        return order;
    }

    public Long getAccountId() {
        return accountId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getContactedAt() {
        return contactedAt;
    }

    public Instant getRefundedAt() {
        return refundedAt;
    }

    public long getVersion() {
        return version;
    }
}
