package com.certportal.account;

import com.certportal.action.ActionAttempts;
import com.certportal.action.ActionRefused;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** M2: a member changes its own password after giving the current one; in the trail, never the password. */
@Service
public class OwnPasswords {

    private final MemberRepository members;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ActionAttempts attempts;
    private final AuditTrail trail;
    private final Clock clock;

    OwnPasswords(
            MemberRepository members,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            ActionAttempts attempts,
            AuditTrail trail,
            Clock clock) {
        this.members = members;
        this.policy = policy;
        this.encoder = encoder;
        this.attempts = attempts;
        this.trail = trail;
        this.clock = clock;
    }

    public void change(CurrentMember by, String currentPassword, String newPassword, String confirmation) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(AuditAction.PASSWORD_CHANGED, now)
                .account(by.accountId())
                .actor(by.memberId());
        attempts.attempt(attempted, "password.refused.concurrent", entry -> {
            Member member = members.findById(by.memberId()).orElseThrow();
            if (currentPassword == null || !encoder.matches(currentPassword, member.getPasswordHash())) {
                throw ActionRefused.invalidField("currentPassword", "password.current-wrong");
            }
            policy.check("newPassword", newPassword, confirmation, "newPasswordConfirmation", member.getEmail());
            if (encoder.matches(newPassword, member.getPasswordHash())) {
                throw ActionRefused.invalidField("newPassword", "password.unchanged");
            }
            member.changePasswordHash(encoder.encode(newPassword));
            members.saveAndFlush(member);
            trail.record(entry);
            return member;
        });
    }
}
