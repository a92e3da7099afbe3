package com.certportal.voucher;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A prepaid voucher code for a number of server licences. P4: a refunded order puts its vouchers back
 * to unused. G: a code registered on a voucher order adds its licences to that order.
 */
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

    /** How many server licences the voucher pays for. */
    private int licences;

    @Version
    private long version;

    protected Voucher() {}

    public Voucher(Long accountId, String code) {
        this(accountId, code, 1);
    }

    public Voucher(Long accountId, String code, int licences) {
        if (licences < 1) {
            throw new IllegalArgumentException("a voucher pays for at least one licence, not " + licences);
        }
        this.accountId = accountId;
        this.code = normalizedCode(code);
        this.status = Status.UNUSED;
        this.licences = licences;
    }

    /** What a voucher code can look like: letters, digits and hyphens, at most 64 (the column). */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");

    /** Whether a (normalized) code can be a voucher code at all, before it is looked up or echoed. */
    public static boolean isWellFormedCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * Voucher codes are printed in upper case; a code typed in lower case, in full-width characters (a
     * Japanese input method) or with spaces around it is the same code.
     */
    public static String normalizedCode(String typed) {
        return typed == null
                ? ""
                : Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
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

    public int getLicences() {
        return licences;
    }

    public boolean isUsed() {
        return status == Status.USED;
    }
}
