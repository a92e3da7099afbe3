package com.certportal.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

    /**
     * Issue 10: the oldest due mails no other transaction holds, locked until this one ends (rows another
     * sender has locked are skipped, not waited for).
     */
    @Query(value = """
            select * from outbox_mail
            where sent_at is null and next_attempt_at <= :now
            order by id
            limit :limit
            for update skip locked
            """, nativeQuery = true)
    List<OutboxMail> lockDue(Instant now, int limit);

    List<OutboxMail> findByAccountIdOrderByIdDesc(Long accountId, Limit limit);

    List<OutboxMail> findByOrderIdOrderByIdAsc(Long orderId);

    /** The mail about a user's own orders (a user sees the orders it requested, and their mail). */
    @Query("""
            select m from OutboxMail m
            where m.accountId = :accountId
              and m.orderId in (select o.id from CertificateOrder o where o.requester.id = :requesterId)
            order by m.id desc
            """)
    List<OutboxMail> findAboutOrdersOf(Long accountId, Long requesterId, Limit limit);
}
