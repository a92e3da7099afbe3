package com.certportal.order;

import com.certportal.token.HardwareToken;
import com.certportal.unit.EnterpriseUnit;
import com.certportal.voucher.Voucher;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.util.Objects;

/** How an order is paid for; it decides where money goes back (refund routing, P1-P6). */
@Embeddable
public class Payment {

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method")
    private PaymentMethod method;

    private boolean paid;

    private BigDecimal price;

    private String currency;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "voucher_id")
    private Voucher voucher;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "enterprise_unit_id")
    private EnterpriseUnit enterpriseUnit;

    private int licences;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "hardware_token_id")
    private HardwareToken hardwareToken;

    private BigDecimal hardwareTokenPrice;

    protected Payment() {}

    private Payment(PaymentMethod method, boolean paid, BigDecimal price) {
        this.method = method;
        this.paid = paid;
        this.price = price;
        this.currency = "JPY";
    }

    public static Payment bankTransfer(BigDecimal price, boolean paid) {
        return new Payment(PaymentMethod.BANK_TRANSFER, paid, price);
    }

    public static Payment creditCard(BigDecimal price) {
        return new Payment(PaymentMethod.CREDIT_CARD, true, price);
    }

    /** The voucher is used up by placing the order. */
    public static Payment voucher(Voucher voucher, BigDecimal price) {
        voucher.use();
        Payment payment = new Payment(PaymentMethod.VOUCHER, true, price);
        payment.voucher = voucher;
        return payment;
    }

    /** The unit's licences are taken by placing the order. */
    public static Payment enterpriseUnit(EnterpriseUnit unit, int licences) {
        unit.consume(licences);
        Payment payment = new Payment(PaymentMethod.ENTERPRISE_UNIT, true, BigDecimal.ZERO);
        payment.enterpriseUnit = unit;
        payment.licences = licences;
        return payment;
    }

    /** P6: a token bought with a code-signing order; its price is kept apart because it is never refunded. */
    public Payment withHardwareToken(HardwareToken token, BigDecimal tokenPrice) {
        this.hardwareToken = Objects.requireNonNull(token);
        this.hardwareTokenPrice = Objects.requireNonNull(tokenPrice);
        return this;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    /** Only a bank transfer can be unpaid; the page says which it is. */
    public boolean isBankTransfer() {
        return method == PaymentMethod.BANK_TRANSFER;
    }

    public boolean isPaid() {
        return paid;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public String getCurrency() {
        return currency;
    }

    public Voucher getVoucher() {
        return voucher;
    }

    public EnterpriseUnit getEnterpriseUnit() {
        return enterpriseUnit;
    }

    public int getLicences() {
        return licences;
    }

    public HardwareToken getHardwareToken() {
        return hardwareToken;
    }

    public BigDecimal getHardwareTokenPrice() {
        return hardwareTokenPrice;
    }

    public boolean hasHardwareToken() {
        return hardwareToken != null;
    }

    /** What a refund can give back: the order's price, never the hardware token (P6). */
    public BigDecimal refundableAmount() {
        return price;
    }
}
