package com.certportal.reminder;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ExpiryReminderRepository extends JpaRepository<ExpiryReminder, Long> {

    List<ExpiryReminder> findByOrderIdOrderBySentAtAscIdAsc(Long orderId);

    /** Which of these certificates already had a reminder, and which (so a run skips them unread). */
    @Query("select r from ExpiryReminder r where r.certificateId in :certificateIds")
    List<ExpiryReminder> findForCertificates(Collection<Long> certificateIds);
}
