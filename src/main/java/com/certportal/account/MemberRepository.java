package com.certportal.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MemberRepository extends JpaRepository<Member, Long> {

    Optional<Member> findByEmail(String email);

    Optional<Member> findByIdAndAccount_Id(Long id, Long accountId);

    List<Member> findByAccount_IdOrderByDisplayNameAscIdAsc(Long accountId);

    long countByAccount_IdAndRoleAndStatus(Long accountId, Role role, Member.Status status);

    /** K8: the account's active administrators (who receive expiry reminders unless the account chose otherwise). */
    List<Member> findByAccount_IdAndRoleAndStatusOrderByIdAsc(Long accountId, Role role, Member.Status status);

    /**
     * M1: changes to an account's members take its row lock first, so that two administrators acting at
     * the same moment are decided one after the other (the last-administrator rule holds under races).
     */
    @Query(value = "select id from account where id = :accountId for update", nativeQuery = true)
    Long lockAccount(Long accountId);
}
