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
