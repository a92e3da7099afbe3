package com.certportal.validation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrganizationValidationRepository extends JpaRepository<OrganizationValidation, Long> {

    /** The account's validations, newest first: the first approved one decides reuse (V3). */
    List<OrganizationValidation> findByAccountIdOrderByRequestedAtDescIdDesc(Long accountId);

    /** V2: the agents' queue, across customer accounts: waiting first, then the newest. */
    @Query("""
            select v from OrganizationValidation v left join fetch v.decidedBy
            order by case when v.status = com.certportal.validation.OrganizationValidation.Status.PENDING then 0 else 1 end,
                     v.requestedAt desc, v.id desc
            limit 200
            """)
    List<OrganizationValidation> findQueue();
}
