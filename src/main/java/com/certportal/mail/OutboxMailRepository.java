package com.certportal.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

    List<OutboxMail> findBySentAtIsNullAndNextAttemptAtLessThanEqualOrderByIdAsc(Instant now, Limit limit);

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
