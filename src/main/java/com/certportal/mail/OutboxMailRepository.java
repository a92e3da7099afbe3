package com.certportal.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

    List<OutboxMail> findBySentAtIsNullAndNextAttemptAtLessThanEqualOrderByIdAsc(Instant now, Limit limit);

    List<OutboxMail> findByAccountIdOrderByIdDesc(Long accountId, Limit limit);

    List<OutboxMail> findByOrderIdOrderByIdAsc(Long orderId);
}
