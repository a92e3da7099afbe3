package com.certportal.order;

import java.util.Locale;

/**
 * P1-P5: where money goes back after a cancellation or an in-window revocation, decided by how the
 * order was paid. P6 (a hardware token is never refunded and stays with the account) applies on top.
 */
public enum RefundRoute {
    /** P1: bank transfer not yet paid: the contract is voided; the customer applies again. */
    CONTRACT_VOIDED,
    /** P2: bank transfer paid: a refund case is opened for the finance manager. */
    REFUND_CASE_OPENED,
    /** P3: credit card: charges and refunds are handled with the card company. */
    CARD_COMPANY,
    /** P4: voucher: the voucher goes back to unused and its code can place a new order. */
    VOUCHER_RETURNED,
    /** P5: enterprise unit: the licences go back to the unit. */
    LICENCES_RETURNED;

    public static RefundRoute forPayment(Payment payment) {
        return switch (payment.getMethod()) {
            case BANK_TRANSFER -> payment.isPaid() ? REFUND_CASE_OPENED : CONTRACT_VOIDED;
            case CREDIT_CARD -> CARD_COMPANY;
            case VOUCHER -> VOUCHER_RETURNED;
            case ENTERPRISE_UNIT -> LICENCES_RETURNED;
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
