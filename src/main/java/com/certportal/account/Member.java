package com.certportal.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** A person who signs in to an account, with one role. */
@Entity
@Table(name = "member")
public class Member {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Account account;

    /** Stored lower-case, so that sign-in and search ignore case. */
    private String email;

    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    private String passwordHash;

    private String timeZone;

    /** The language mails to this member are written in ("ja" or "en"). */
    private String language;

    private Instant createdAt;

    /** M1: a deactivated member keeps its orders and its place in the trail, and can no longer sign in. */
    public enum Status {
        ACTIVE,
        DEACTIVATED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Enumerated(EnumType.STRING)
    private Status status = Status.ACTIVE;

    private Instant deactivatedAt;

    protected Member() {}

    public Member(
            Account account,
            String email,
            String displayName,
            Role role,
            String passwordHash,
            String language,
            Instant createdAt) {
        this.account = account;
        this.email = email.trim().toLowerCase(Locale.ROOT);
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.timeZone = DEFAULT_ZONE.getId();
        this.language = language;
        this.createdAt = createdAt;
    }

    /** M1: the role an administrator chose (the last-administrator rule is the account's, see Members). */
    void changeRole(Role role) {
        this.role = role;
    }

    void deactivate(Instant now) {
        this.status = Status.DEACTIVATED;
        this.deactivatedAt = now;
    }

    /** M2: a hash from the delegating encoder, never the password itself. */
    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    public void chooseTimeZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    public void chooseLanguage(Locale locale) {
        this.language = locale.getLanguage();
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return account.getId();
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(language);
    }
}
