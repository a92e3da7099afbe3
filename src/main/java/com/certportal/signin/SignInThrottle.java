package com.certportal.signin;

import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.AuditRecord;
import com.certportal.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * M3: sign-in is throttled per account email and per client address (see {@link ThrottlePolicy}), with
 * the state in the database so that it survives a restart and holds across instances.
 *
 * <p>Each attempt counts as a failure before its password is checked, in a short transaction that locks
 * the email's and the address's rows: so ten guesses sent at the same moment get five checks, not ten,
 * and no lock is held while the password hash is computed. A right password then takes its count back.
 * While a delay runs, every attempt is refused unchecked, the right password too, with the same answer
 * as a wrong one; an email that belongs to no member is throttled the same way, so the answer never
 * tells whether it exists. Every attempt is recorded (T1).
 */
@Service
public class SignInThrottle {

    private static final int EMAIL_MAX = 320;
    private static final int ADDRESS_MAX = 64;

    private final EntityManager entityManager;
    private final SignInAttemptRepository attempts;
    private final MemberRepository members;
    private final AuditTrail trail;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SignInThrottle(
            EntityManager entityManager,
            SignInAttemptRepository attempts,
            MemberRepository members,
            AuditTrail trail,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.entityManager = entityManager;
        this.attempts = attempts;
        this.members = members;
        this.trail = trail;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** An attempt under way: whether its password may be checked, and what it counted in advance. */
    record Attempt(
            String email, String address, boolean allowed, Instant at, Map<String, ThrottleState.Snapshot> counted) {}

    /** Before the password is checked: refused (and recorded) while the email or the address waits. */
    Attempt begin(String typedEmail, String clientAddress) {
        String email = emailOf(typedEmail);
        String address = clip(AuditRecord.visible(clientAddress == null ? "unknown" : clientAddress), ADDRESS_MAX);
        Instant now = clock.instant();
        Attempt attempt = transaction.execute(status -> {
            List<ThrottleState> states = lock(email, address);
            if (states.stream().anyMatch(s -> s.blocksAt(now))) {
                attempts.save(new SignInAttempt(email, address, memberId(email), SignInAttempt.Outcome.THROTTLED, now));
                return new Attempt(email, address, false, now, Map.of());
            }
            Map<String, ThrottleState.Snapshot> counted = new LinkedHashMap<>();
            for (ThrottleState state : states) {
                counted.put(key(state), state.fail(now));
            }
            return new Attempt(email, address, true, now, counted);
        });
        if (!attempt.allowed()) {
            recordForMember(attempt, AuditAction.SIGN_IN_THROTTLED);
        }
        return attempt;
    }

    /** A wrong password (or no such member): the failure counted in advance stands. */
    void failed(Attempt attempt) {
        transaction.executeWithoutResult(status -> attempts.save(new SignInAttempt(
                attempt.email(),
                attempt.address(),
                memberId(attempt.email()),
                SignInAttempt.Outcome.FAILED,
                attempt.at())));
        recordForMember(attempt, AuditAction.SIGN_IN_FAILED);
    }

    /** The right password: the account's streak ends; the address keeps its other failures. */
    void succeeded(Attempt attempt, long memberId) {
        transaction.executeWithoutResult(status -> {
            for (ThrottleState state : lock(attempt.email(), attempt.address())) {
                if (key(state).equals(emailKey(attempt.email()))) {
                    state.clear();
                } else {
                    state.undo(attempt.counted().get(key(state)), attempt.at());
                }
            }
            attempts.save(new SignInAttempt(
                    attempt.email(), attempt.address(), memberId, SignInAttempt.Outcome.SIGNED_IN, attempt.at()));
        });
    }

    /** Until when sign-in with this email from this address is refused, if it is now. */
    public Optional<Instant> refusedUntil(String typedEmail, String clientAddress) {
        Instant now = clock.instant();
        return transaction.execute(status -> List.of(emailKey(emailOf(typedEmail)), addressKey(clientAddress)).stream()
                .map(key -> entityManager.find(ThrottleState.class, key))
                .filter(state -> state != null && state.blocksAt(now))
                .map(ThrottleState::blockedUntil)
                .max(Instant::compareTo));
    }

    /** The two rows, created if new, locked in one order (address before email) by every instance. */
    private List<ThrottleState> lock(String email, String address) {
        List<String> keys = List.of(addressKey(address), emailKey(email));
        for (String key : keys) {
            entityManager
                    .createNativeQuery("insert into sign_in_throttle (throttle_key, failures) values (?1, 0)"
                            + " on conflict do nothing")
                    .setParameter(1, key)
                    .executeUpdate();
        }
        return keys.stream()
                .map(key -> entityManager.find(ThrottleState.class, key, LockModeType.PESSIMISTIC_WRITE))
                .toList();
    }

    /** The account's trail (T1) shows its members' failed and refused sign-ins; unknown emails have none. */
    private void recordForMember(Attempt attempt, AuditAction action) {
        members.findByEmail(attempt.email())
                .ifPresent(member -> trail.recordRefusal(AuditEntry.of(action, attempt.at())
                        .account(member.getAccountId())
                        .actor(member.getId())
                        .detail("address " + attempt.address())));
    }

    private Long memberId(String email) {
        return members.findByEmail(email).map(Member::getId).orElse(null);
    }

    /** As sign-in reads it (MemberDetailsService): trimmed and lower-case. */
    static String emailOf(String typed) {
        String email = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return clip(AuditRecord.visible(email), EMAIL_MAX);
    }

    private static String emailKey(String email) {
        return "email:" + email;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static String key(ThrottleState state) {
        return state.key();
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
