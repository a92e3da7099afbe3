package com.certportal.order;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.audit.AuditAction;
import com.certportal.voucher.Voucher;
import com.certportal.voucher.VoucherRepository;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * G (licence count): "Register a voucher code" on a voucher order. The order's own rules are checked
 * first (paid by voucher, pending or issued, a member who acts on orders), then the code: unknown and
 * another account's codes get the same answer, a used one is refused. Two registrations of one code at
 * the same moment: the voucher's optimistic lock lets exactly one of them through.
 */
@Service
public class VoucherRegistrations {

    private final OrderActions actions;
    private final VoucherRepository vouchers;
    private final Clock clock;

    VoucherRegistrations(OrderActions actions, VoucherRepository vouchers, Clock clock) {
        this.actions = actions;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    public VoucherRegistration register(RegisterVoucher command, CurrentMember by) {
        Instant now = clock.instant();
        String code = Voucher.normalizedCode(command.voucherCode());
        return actions.act(
                command,
                by,
                OrderActions.attempted(AuditAction.VOUCHER_REGISTERED, command.orderNumber(), by, now)
                        .comment(Voucher.isWellFormedCode(code) ? code : null),
                (order, member, entry) -> {
                    order.checkVoucherRegistration();
                    if (code.isEmpty()) {
                        throw ActionRefused.invalidField("voucherCode", "voucher.refused.code-required");
                    }
                    if (!Voucher.isWellFormedCode(code)) {
                        throw ActionRefused.invalidField("voucherCode", "voucher.refused.malformed");
                    }
                    Voucher voucher = vouchers.findByCodeAndAccountId(code, order.getAccountId())
                            .orElseThrow(() -> CertificateOrder.unknownVoucher(code));
                    return order.registerVoucher(voucher, member, now);
                });
    }
}
