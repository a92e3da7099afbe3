package com.certportal.refund;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionAttempts;
import com.certportal.action.ActionRefused;
import com.certportal.action.NotFound;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.AuditTrail;
import com.certportal.order.CertificateOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** P2: the finance manager's (and administrator's) refund cases. */
@Service
public class RefundCases {

    private final RefundCaseRepository cases;
    private final ActionAttempts attempts;
    private final AuditTrail trail;
    private final Clock clock;

    RefundCases(RefundCaseRepository cases, ActionAttempts attempts, AuditTrail trail, Clock clock) {
        this.cases = cases;
        this.attempts = attempts;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RefundCase> list(CurrentMember member) {
        requireRefundRole(member);
        return cases.findForAccount(member.accountId());
    }

    /** P2: the case a refund to a paid bank transfer opened, shown on the order's page. */
    @Transactional(readOnly = true)
    public Optional<RefundCase> ofOrder(CertificateOrder order) {
        return cases.findByOrderId(order.getId());
    }

    public RefundCase markContacted(Long id, CurrentMember by) {
        return change(id, by, AuditAction.REFUND_CASE_CONTACTED);
    }

    public RefundCase markRefunded(Long id, CurrentMember by) {
        return change(id, by, AuditAction.REFUND_CASE_REFUNDED);
    }

    private RefundCase change(Long id, CurrentMember by, AuditAction action) {
        Instant now = clock.instant();
        AuditEntry attempted =
                AuditEntry.of(action, now).account(by.accountId()).actor(by.memberId());
        return attempts.attempt(attempted, "refund.refused.concurrent", entry -> {
            requireRefundRole(by);
            RefundCase refund =
                    cases.findByIdAndAccountId(id, by.accountId()).orElseThrow(() -> new NotFound("refund case " + id));
            entry.order(
                            refund.getAccountId(),
                            refund.getOrder().getId(),
                            refund.getOrder().getOrderNumber())
                    .move(refund.getStatus(), null);
            RefundCase.Status from = refund.getStatus();
            if (action == AuditAction.REFUND_CASE_CONTACTED) {
                refund.markContacted(now);
            } else {
                refund.markRefunded(now);
            }
            RefundCase saved = cases.saveAndFlush(refund);
            trail.record(entry.move(from, saved.getStatus())
                    .detail(saved.getAmount().toPlainString() + " " + saved.getCurrency()));
            return saved;
        });
    }

    private static void requireRefundRole(CurrentMember member) {
        if (!member.role().seesRefundCases()) {
            throw new ActionRefused(
                    ActionRefused.Kind.FORBIDDEN, "refund.refused.role", member + " may not work refund cases");
        }
    }
}
