package com.certportal.order;

import com.certportal.account.Member;
import com.certportal.voucher.Voucher;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * G (licence count): a voucher code registered on a voucher order after it was placed, and the licences
 * it added. Kept as history; refund routing gives the voucher back (P4) like the order's first one.
 */
@Entity
@Table(name = "voucher_registration")
public class VoucherRegistration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private CertificateOrder order;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "voucher_id")
    private Voucher voucher;

    private int licences;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "registered_by_id")
    private Member registeredBy;

    private Instant registeredAt;

    protected VoucherRegistration() {}

    VoucherRegistration(CertificateOrder order, Voucher voucher, Member registeredBy, Instant registeredAt) {
        this.order = order;
        this.voucher = voucher;
        this.licences = voucher.getLicences();
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    public Long getId() {
        return id;
    }

    public CertificateOrder getOrder() {
        return order;
    }

    public Voucher getVoucher() {
        return voucher;
    }

    public int getLicences() {
        return licences;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }
}
