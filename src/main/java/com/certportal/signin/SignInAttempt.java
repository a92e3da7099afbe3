package com.certportal.signin;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** T1 for sign-in: one attempt, written once, whether or not the email belongs to a member. */
@Entity
@Immutable
@Table(name = "sign_in_attempt")
public class SignInAttempt {

    public enum Outcome {
        SIGNED_IN,
        FAILED,
        /** Refused without looking at the password: the email or the address is waiting (M3). */
        THROTTLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;
    private String clientAddress;
    private Long memberId;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private Instant attemptedAt;

    protected SignInAttempt() {}

    SignInAttempt(String email, String clientAddress, Long memberId, Outcome outcome, Instant attemptedAt) {
        this.email = email;
        this.clientAddress = clientAddress;
        this.memberId = memberId;
        this.outcome = outcome;
        this.attemptedAt = attemptedAt;
    }

    public String getEmail() {
        return email;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public Long getMemberId() {
        return memberId;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }
}
