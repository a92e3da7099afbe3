package com.certportal.voucher;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A prepaid voucher code. P4: a refunded order puts its voucher back to unused. */
@Entity
@Table(name = "voucher")
public class Voucher {

    public enum Status {
        UNUSED,
        USED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;

    private String code;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Version
    private long version;

    protected Voucher() {}

    public Voucher(Long accountId, String code) {
        this.accountId = accountId;
        this.code = code;
        this.status = Status.UNUSED;
    }

    /** Placing an order with this voucher uses it up. */
    public void use() {
        if (status != Status.UNUSED) {
            throw new IllegalStateException("voucher " + code + " is already used");
        }
        status = Status.USED;
    }

    /** P4: after a cancellation the same code can place a new order. */
    public void release() {
        status = Status.UNUSED;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getCode() {
        return code;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isUsed() {
        return status == Status.USED;
    }
}
