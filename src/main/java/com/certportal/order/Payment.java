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

    /**
     * The server licence count (O1): for an enterprise unit, the licences taken from it (P5 gives them
     * back); for a voucher order it grows when another voucher code is registered (G).
     */
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
        this.licences = 1;
    }

    public static Payment bankTransfer(BigDecimal price, boolean paid) {
        return new Payment(PaymentMethod.BANK_TRANSFER, paid, price);
    }

    /** O3: the card is charged when the order is placed (at once, or when its request is approved). */
    public static Payment creditCard(BigDecimal price) {
        return new Payment(PaymentMethod.CREDIT_CARD, false, price);
    }

    /** O3: the voucher is used up (reserved, for a request) by submitting the order; its licences are the order's. */
    public static Payment voucher(Voucher voucher, BigDecimal price) {
        return voucher(voucher, price, voucher.getLicences());
    }

    /** O3: the voucher is used up (reserved, for a request) by submitting the order for {@code licences} servers. */
    public static Payment voucher(Voucher voucher, BigDecimal price, int licences) {
        voucher.use();
        Payment payment = new Payment(PaymentMethod.VOUCHER, true, price);
        payment.voucher = voucher;
        payment.licences = licences;
        return payment;
    }

    /** O1: the server licence count of an order paid by bank transfer or card (a unit or voucher sets its own). */
    public Payment forLicences(int count) {
        if (method == PaymentMethod.ENTERPRISE_UNIT || method == PaymentMethod.VOUCHER) {
            throw new IllegalStateException("a " + method + " payment sets its licences when it is made");
        }
        if (count < 1) {
            throw new IllegalArgumentException("at least one licence, not " + count);
        }
        this.licences = count;
        return this;
    }

    /** G: a voucher code registered later adds the licences it pays for. */
    void addLicences(int more) {
        if (method != PaymentMethod.VOUCHER) {
            throw new IllegalStateException("licences are added by voucher to voucher orders only, not " + method);
        }
        licences += more;
    }

    /** O3: the unit's licences are taken (reserved, for a request) by submitting the order. */
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

    /** O3: a new token, bought (and numbered) when the order is placed; its price is added now. */
    public Payment withNewHardwareToken(BigDecimal tokenPrice) {
        this.hardwareTokenPrice = Objects.requireNonNull(tokenPrice);
        return this;
    }

    /** O3, P6: an existing reusable token of the account keeps this order's key; it is taken now. */
    public Payment withExistingHardwareToken(HardwareToken token) {
        token.takeForOrder();
        this.hardwareToken = token;
        return this;
    }

    /** O3: placing the order charges the card; a bank transfer stays unpaid until it arrives. */
    void settleAtPlacement() {
        if (method == PaymentMethod.CREDIT_CARD) {
            paid = true;
        }
    }

    /** O4: a rejected or withdrawn request gives back what it reserved: voucher, licences, a token. */
    void releaseReservation() {
        switch (method) {
            case VOUCHER -> voucher.release();
            case ENTERPRISE_UNIT -> enterpriseUnit.giveBack(licences);
            case BANK_TRANSFER, CREDIT_CARD -> {
                // Nothing was charged or received for an order that was never placed.
            }
        }
        if (hardwareToken != null) {
            hardwareToken.keepForReuse();
        }
    }

    /** O3: the order asks for a new token that is bought when it is placed. */
    public boolean buysHardwareToken() {
        return hardwareToken == null && hardwareTokenPrice != null;
    }

    /** O3: the new token, numbered when the order was placed. */
    public void attachBoughtHardwareToken(HardwareToken token) {
        if (!buysHardwareToken()) {
            throw new IllegalStateException("this payment buys no token");
        }
        this.hardwareToken = token;
    }

    /** O3: the finance manager recorded that the bank transfer arrived. */
    void recordPaymentReceived() {
        if (method != PaymentMethod.BANK_TRANSFER || paid) {
            throw new IllegalStateException("nothing to record for a " + method + " payment, paid " + paid);
        }
        paid = true;
    }

    /** What the order costs in all: its price and, for a new token, the token's. */
    public BigDecimal total() {
        return hardwareTokenPrice == null ? price : price.add(hardwareTokenPrice);
    }

    public PaymentMethod getMethod() {
        return method;
    }

    /** G: paid by voucher, so another voucher code can add licences to the order. */
    public boolean isPaidByVoucher() {
        return method == PaymentMethod.VOUCHER;
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
