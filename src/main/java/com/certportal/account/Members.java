package com.certportal.account;

import com.certportal.action.ActionAttempts;
import com.certportal.action.ActionRefused;
import com.certportal.action.ActionRefused.Kind;
import com.certportal.action.FormInput;
import com.certportal.action.NotFound;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * M1, M2: an account's members. Administrators invite (by email, with a role, through a one-time link),
 * change roles and deactivate; the last active administrator of an account is never demoted or
 * deactivated, also when two administrators act at the same moment (the account's row is locked first);
 * every change and every refusal is in the trail (T1). Another account's members are never found (404).
 */
@Service
public class Members {

    /** The roles a customer account's members may hold: the members page offers these only. */
    public static final List<Role> ASSIGNABLE = List.of(Role.ADMINISTRATOR, Role.USER, Role.FINANCE_MANAGER);

    public static final int NAME_MAX = 200;
    private static final int EMAIL_MAX = 320;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final MemberRepository members;
    private final InvitationRepository invitations;
    private final AccountRepository accounts;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final ActionAttempts attempts;
    private final AuditTrail trail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Members(
            MemberRepository members,
            InvitationRepository invitations,
            AccountRepository accounts,
            PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder,
            ActionAttempts attempts,
            AuditTrail trail,
            ApplicationEventPublisher events,
            Clock clock) {
        this.members = members;
        this.invitations = invitations;
        this.accounts = accounts;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.attempts = attempts;
        this.trail = trail;
        this.events = events;
        this.clock = clock;
    }

    /** Who manages an account's members (the navigation and the security configuration ask the same). */
    public static boolean managesMembers(Role role) {
        return role == Role.ADMINISTRATOR;
    }

    /** A role as the members form sends it (`administrator`, `user`, `finance_manager`), or bad input. */
    public static Role assignableRole(String key) {
        return FormInput.choice(
                key,
                value -> ASSIGNABLE.stream().filter(r -> r.key().equals(value)).findFirst(),
                "members.invalid-role");
    }

    /** The account's members and the invitations not used yet (open, or expired unused). */
    public record Roster(List<Member> members, List<PendingInvitation> invitations) {}

    public record PendingInvitation(Invitation invitation, boolean expired) {}

    @Transactional(readOnly = true)
    public Roster roster(CurrentMember by) {
        requireAdministrator(by);
        Instant now = clock.instant();
        return new Roster(
                members.findByAccount_IdOrderByDisplayNameAscIdAsc(by.accountId()),
                invitations.findByAccountIdAndAcceptedAtIsNullOrderByCreatedAtDesc(by.accountId()).stream()
                        .map(i -> new PendingInvitation(i, i.stateAt(now) == Invitation.State.EXPIRED))
                        .toList());
    }

    /**
     * M1: invites {@code email} with {@code role}: a one-time link, valid for 72 hours, mailed (T2, on
     * {@link MemberInvited}) in the inviting administrator's mail language (an account has no language of its own,
     * and colleagues share one more often than not). An address already used by a member of another
     * account is not refused here, which would tell that account exists; its link says so instead.
     */
    public Invitation invite(String email, String roleKey, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(AuditAction.MEMBER_INVITED, now)
                .account(by.accountId())
                .actor(by.memberId());
        return attempts.attempt(attempted, "members.refused.concurrent", entry -> {
            Member inviter = administrator(by);
            String address = emailOf(email);
            Role role = assignableRole(roleKey);
            Optional<Member> existing = members.findByEmail(address);
            if (existing.isPresent() && existing.get().getAccountId().equals(by.accountId())) {
                throw ActionRefused.invalidField("email", "members.refused.already-member", address);
            }
            String token = newToken();
            Invitation invitation = invitations.save(new Invitation(
                    by.accountId(), address, role, inviter.getLocale(), hash(token), inviter.getId(), now));
            String accountName = accounts.findById(by.accountId()).orElseThrow().getName();
            events.publishEvent(new MemberInvited(invitation, inviter, accountName, token));
            trail.record(entry.move(null, role.name()).detail("invited " + address));
            return invitation;
        });
    }

    /** M1: an administrator changes another member's (or its own) role; never the last administrator's away. */
    public Member changeRole(Long memberId, String roleKey, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(AuditAction.MEMBER_ROLE_CHANGED, now)
                .account(by.accountId())
                .actor(by.memberId());
        return attempts.attempt(attempted, "members.refused.concurrent", entry -> {
            Role role = assignableRole(roleKey);
            members.lockAccount(by.accountId());
            administrator(by);
            Member member = inAccount(memberId, by);
            entry.detail("member " + member.getEmail());
            if (!member.isActive()) {
                throw new ActionRefused("members.refused.deactivated", "member " + memberId + " is deactivated");
            }
            Role from = member.getRole();
            if (from == Role.ADMINISTRATOR && role != Role.ADMINISTRATOR) {
                requireAnotherAdministrator(by.accountId(), member);
            }
            member.changeRole(role);
            members.saveAndFlush(member);
            trail.record(entry.move(from.name(), role.name()));
            return member;
        });
    }

    /** M1: a deactivated member cannot sign in, and its sessions end at its next request. */
    public Member deactivate(Long memberId, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(AuditAction.MEMBER_DEACTIVATED, now)
                .account(by.accountId())
                .actor(by.memberId());
        return attempts.attempt(attempted, "members.refused.concurrent", entry -> {
            members.lockAccount(by.accountId());
            administrator(by);
            Member member = inAccount(memberId, by);
            entry.detail("member " + member.getEmail());
            if (!member.isActive()) {
                throw new ActionRefused("members.refused.deactivated", "member " + memberId + " is deactivated");
            }
            if (member.getRole() == Role.ADMINISTRATOR) {
                requireAnotherAdministrator(by.accountId(), member);
            }
            member.deactivate(now);
            members.saveAndFlush(member);
            trail.record(entry.move(Member.Status.ACTIVE.name(), Member.Status.DEACTIVATED.name()));
            return member;
        });
    }

    /** The invitation behind a link, for its page (no sign-in); a token that names none is a 404. */
    @Transactional(readOnly = true)
    public InvitationView invitation(String token) {
        Invitation invitation = invitations.findByTokenHash(hash(token)).orElseThrow(() -> new NotFound("invitation"));
        String account =
                accounts.findById(invitation.getAccountId()).orElseThrow().getName();
        return new InvitationView(invitation, account, invitation.stateAt(clock.instant()));
    }

    public record InvitationView(Invitation invitation, String accountName, Invitation.State state) {}

    /**
     * M1, M2: the invited person sets a password (and, if it likes, the name colleagues see) and becomes
     * a member with the invited role. The link works once: a second use, also at the same moment, or a
     * use after 72 hours is refused.
     */
    public Member accept(String token, String displayName, String password, String confirmation) {
        Instant now = clock.instant();
        String tokenHash = hash(token);
        Invitation found = invitations.findByTokenHash(tokenHash).orElseThrow(() -> new NotFound("invitation"));
        AuditEntry attempted = AuditEntry.of(AuditAction.INVITATION_ACCEPTED, now)
                .account(found.getAccountId())
                .detail("invited " + found.getEmail());
        return attempts.attempt(attempted, "invitation.refused.used", entry -> {
            Invitation invitation =
                    invitations.lockByTokenHash(tokenHash).orElseThrow(() -> new NotFound("invitation"));
            switch (invitation.stateAt(now)) {
                case USED -> throw new ActionRefused("invitation.refused.used", "invitation already used");
                case EXPIRED ->
                    throw new ActionRefused(Kind.CONFLICT, "invitation.refused.expired", "invitation expired");
                case OPEN -> {}
            }
            if (members.findByEmail(invitation.getEmail()).isPresent()) {
                throw new ActionRefused("invitation.refused.email-taken", "email already signs in");
            }
            String name = FormInput.optionalLine(displayName, NAME_MAX);
            passwordPolicy.check("password", password, confirmation, "passwordConfirmation", invitation.getEmail());
            Member member = members.saveAndFlush(new Member(
                    accounts.getReferenceById(invitation.getAccountId()),
                    invitation.getEmail(),
                    name != null ? name : invitation.getEmail().split("@", 2)[0],
                    invitation.getRole(),
                    passwordEncoder.encode(password),
                    invitation.getLanguage().getLanguage(),
                    now));
            invitation.accept(member, now);
            trail.record(
                    entry.actor(member.getId()).move(null, invitation.getRole().name()));
            return member;
        });
    }

    /** The acting member as stored now: an administrator, still active (a demoted or deactivated one is refused). */
    private Member administrator(CurrentMember by) {
        Member actor = members.findById(by.memberId()).orElseThrow();
        if (!actor.isActive() || !managesMembers(actor.getRole())) {
            throw new ActionRefused(Kind.FORBIDDEN, "members.refused.role", by + " may not manage members");
        }
        return actor;
    }

    private Member inAccount(Long memberId, CurrentMember by) {
        return members.findByIdAndAccount_Id(memberId, by.accountId())
                .orElseThrow(() -> new NotFound("member " + memberId));
    }

    private void requireAnotherAdministrator(Long accountId, Member leaving) {
        long administrators =
                members.countByAccount_IdAndRoleAndStatus(accountId, Role.ADMINISTRATOR, Member.Status.ACTIVE);
        if (administrators <= 1) {
            throw new ActionRefused(
                    "members.refused.last-administrator", "member " + leaving.getId() + " is the last administrator");
        }
    }

    private static void requireAdministrator(CurrentMember by) {
        if (!managesMembers(by.role())) {
            throw new ActionRefused(Kind.FORBIDDEN, "members.refused.role", by + " may not manage members");
        }
    }

    private static String emailOf(String typed) {
        String email = FormInput.optionalLine(typed, EMAIL_MAX);
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw ActionRefused.invalidField("email", "members.invalid-email");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only this is stored: whoever reads the database cannot use a link from it. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
