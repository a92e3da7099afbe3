package com.certportal.account;

import com.certportal.action.ActionAttempts;
import com.certportal.action.ActionRefused;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** M4: an administrator's settings for the whole account (recorded in the trail, T1). */
@Service
public class AccountSettings {

    private final AccountRepository accounts;
    private final ActionAttempts attempts;
    private final AuditTrail trail;
    private final Clock clock;

    AccountSettings(AccountRepository accounts, ActionAttempts attempts, AuditTrail trail, Clock clock) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Account of(CurrentMember member) {
        return accounts.findById(member.accountId()).orElseThrow();
    }

    /** O4, M4: let users' new orders through without an administrator's approval, or not. */
    public Account chooseSkipApprovalForNewOrders(boolean skip, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(AuditAction.ACCOUNT_SETTINGS_CHANGED, now)
                .account(by.accountId())
                .actor(by.memberId())
                .detail("skip-approval-for-new-orders=" + skip);
        return attempts.attempt(attempted, "settings.refused.concurrent", entry -> {
            if (!by.role().managesAccount()) {
                throw new ActionRefused(
                        ActionRefused.Kind.FORBIDDEN,
                        "settings.refused.not-administrator",
                        by + " is not an administrator");
            }
            Account account = accounts.findById(by.accountId()).orElseThrow();
            boolean before = account.isSkipApprovalForNewOrders();
            account.chooseSkipApprovalForNewOrders(skip);
            trail.record(entry.move(before, skip));
            return accounts.save(account);
        });
    }
}
