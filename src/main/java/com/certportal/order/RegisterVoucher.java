package com.certportal.order;

/**
 * G: register {@code voucherCode} on a voucher order to add its licences. The version shown is checked
 * when the form sends one; a script may leave it out, since every rule is judged on the order as it is.
 */
public record RegisterVoucher(String orderNumber, String voucherCode, Long versionShownIfAny) implements OrderCommand {

    @Override
    public long versionShown() {
        return versionShownIfAny == null ? -1 : versionShownIfAny;
    }

    @Override
    public boolean checksVersion() {
        return versionShownIfAny != null;
    }
}
