package com.certportal.account;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface InvitationRepository extends JpaRepository<Invitation, Long> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    /** The invitation a link is used for, locked: a link used twice at once makes one member. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invitation i where i.tokenHash = :tokenHash")
    Optional<Invitation> lockByTokenHash(String tokenHash);

    /** Invitations not used yet, newest first (the members page shows them as "invited"). */
    List<Invitation> findByAccountIdAndAcceptedAtIsNullOrderByCreatedAtDesc(Long accountId);
}
