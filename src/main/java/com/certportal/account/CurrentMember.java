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
        this(
                member.getId(),
                member.getAccountId(),
                member.getEmail(),
                member.getDisplayName(),
                member.getRole(),
                member.getZone().getId(),
                member.getLocale().getLanguage());
        this.passwordHash = member.getPasswordHash();
    }

    CurrentMember(
            long memberId,
            long accountId,
            String email,
            String displayName,
            Role role,
            String zoneId,
            String language) {
        this.memberId = memberId;
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.zoneId = zoneId;
        this.language = language;
    }

    /** Whether everything the pages and the rights depend on is the same (equals compares identity only). */
    public boolean sameAs(CurrentMember other) {
        return memberId == other.memberId
                && accountId == other.accountId
                && email.equals(other.email)
                && displayName.equals(other.displayName)
                && role == other.role
                && zoneId.equals(other.zoneId)
                && language.equals(other.language);
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
