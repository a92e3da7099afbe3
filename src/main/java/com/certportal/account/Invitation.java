package com.certportal.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * M1: an administrator's invitation of a new member, by email, with a role. Its link holds a token
 * that is stored only as its hash; it is valid for 72 hours and used once.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    public static final Duration VALID_FOR = Duration.ofHours(72);

    /** What the link's page can do with an invitation at a given instant. */
    public enum State {
        OPEN,
        USED,
        EXPIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;
    private String email;

    @Enumerated(EnumType.STRING)
    private Role role;

    /** The language of the invitation mail, and the new member's mail language. */
    private String language;

    private String tokenHash;
    private Long invitedById;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant acceptedAt;
    private Long memberId;

    protected Invitation() {}

    Invitation(
            Long accountId, String email, Role role, Locale language, String tokenHash, Long invitedById, Instant now) {
        this.accountId = accountId;
        this.email = email;
        this.role = role;
        this.language = language.getLanguage();
        this.tokenHash = tokenHash;
        this.invitedById = invitedById;
        // To the microsecond, as the database keeps it (it would round): the 72 hours end at the same
        // instant whether judged now or after reading the invitation back.
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        this.expiresAt = createdAt.plus(VALID_FOR);
    }

    /** Open until it is used; expired from 72 hours after it was made, to the instant. */
    public State stateAt(Instant now) {
        if (acceptedAt != null) {
            return State.USED;
        }
        return now.isBefore(expiresAt) ? State.OPEN : State.EXPIRED;
    }

    void accept(Member member, Instant now) {
        this.acceptedAt = now;
        this.memberId = member.getId();
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getEmail() {
        return email;
    }

    public Role getRole() {
        return role;
    }

    public Locale getLanguage() {
        return Locale.forLanguageTag(language);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }
}
