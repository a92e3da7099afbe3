package com.certportal.token;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A USB hardware token bought for code signing. P6: it is never refunded; once its order is cancelled
 * it stays with the account and can be chosen as an "existing token" in a later order.
 */
@Entity
@Table(name = "hardware_token")
public class HardwareToken {

    public enum Status {
        IN_USE,
        REUSABLE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;

    private String serialNumber;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant purchasedAt;

    @Version
    private long version;

    protected HardwareToken() {}

    public HardwareToken(Long accountId, String serialNumber, Instant purchasedAt) {
        this.accountId = accountId;
        this.serialNumber = serialNumber;
        this.status = Status.IN_USE;
        this.purchasedAt = purchasedAt;
    }

    /** O3, P6: an order keeps its key on this reusable token from now on. */
    public void takeForOrder() {
        if (status != Status.REUSABLE) {
            throw new IllegalStateException("token " + serialNumber + " is " + status);
        }
        status = Status.IN_USE;
    }

    /** P6: the order that bought it is gone; the account keeps the token for a later order. */
    public void keepForReuse() {
        status = Status.REUSABLE;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isReusable() {
        return status == Status.REUSABLE;
    }
}
