package com.certportal.account;

import java.io.Serial;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in member as the web layer sees it: who, which account, which role, which zone. */
public final class CurrentMember implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long memberId;
    private final long accountId;
    private final String email;
    private final String displayName;
    private final Role role;
    private final String zoneId;
    private final String language;
    private String passwordHash;

    public CurrentMember(Member member) {
        this.memberId = member.getId();
        this.accountId = member.getAccountId();
        this.email = member.getEmail();
        this.displayName = member.getDisplayName();
        this.role = member.getRole();
        this.zoneId = member.getZone().getId();
        this.language = member.getLocale().getLanguage();
        this.passwordHash = member.getPasswordHash();
    }

    public long memberId() {
        return memberId;
    }

    public long accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public ZoneId zone() {
        return ZoneId.of(zoneId);
    }

    /** The language mails to this member are written in. */
    public String language() {
        return language;
    }

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentMember that && that.memberId == memberId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(memberId);
    }

    @Override
    public String toString() {
        return "CurrentMember[" + memberId + ", " + role.name().toLowerCase(Locale.ROOT) + "]";
    }
}
