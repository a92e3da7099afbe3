package com.certportal.account;

import com.certportal.action.ActionAttempts;
import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    /**
     * M4, K8: who receives the expiry reminders. Every part of the form is checked inside the action, so
     * a refusal (not an administrator: 403; an address that is not one, too many, nobody chosen, a
     * language or zone not offered: 400) is recorded in the trail and changes nothing.
     */
    public ReminderRecipients chooseReminderRecipients(ChooseReminderRecipients command, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(AuditAction.REMINDER_RECIPIENTS_CHANGED, now)
                .account(by.accountId())
                .actor(by.memberId());
        return attempts.attempt(attempted, "settings.refused.concurrent", entry -> {
            requireAdministrator(by);
            ReminderRecipients chosen = command.toRecipients();
            if (chosen.nobody()) {
                throw ActionRefused.invalidField("reminderRecipients", "settings.reminders.nobody");
            }
            Account account = accounts.findById(by.accountId()).orElseThrow();
            ReminderRecipients before = account.reminderRecipients();
            account.chooseReminderRecipients(chosen);
            accounts.save(account);
            trail.record(entry.detail(before.summary() + " \u2192 " + chosen.summary())
                    .comment(chosen.addresses().isEmpty() ? null : listed(chosen.addresses())));
            return chosen;
        });
    }

    /** The addresses for the trail's comment (at most its 2,000 characters; ten long addresses could exceed it). */
    private static String listed(List<String> addresses) {
        String all = String.join(", ", addresses);
        return all.length() <= FormInput.NOTE_MAX ? all : all.substring(0, FormInput.NOTE_MAX - 3) + "...";
    }

    private static void requireAdministrator(CurrentMember by) {
        if (!by.role().managesAccount()) {
            throw new ActionRefused(
                    ActionRefused.Kind.FORBIDDEN,
                    "settings.refused.not-administrator",
                    by + " is not an administrator");
        }
    }

    /** O4, M4: let users' new orders through without an administrator's approval, or not. */
    public Account chooseSkipApprovalForNewOrders(boolean skip, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(AuditAction.ACCOUNT_SETTINGS_CHANGED, now)
                .account(by.accountId())
                .actor(by.memberId())
                .detail("skip-approval-for-new-orders=" + skip);
        return attempts.attempt(attempted, "settings.refused.concurrent", entry -> {
            requireAdministrator(by);
            Account account = accounts.findById(by.accountId()).orElseThrow();
            boolean before = account.isSkipApprovalForNewOrders();
            account.chooseSkipApprovalForNewOrders(skip);
            trail.record(entry.move(before, skip));
            return accounts.save(account);
        });
    }
}
