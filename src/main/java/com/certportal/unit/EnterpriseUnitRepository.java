package com.certportal.unit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EnterpriseUnitRepository extends JpaRepository<EnterpriseUnit, Long> {

    List<EnterpriseUnit> findByAccountIdOrderByNameAsc(Long accountId);

    Optional<EnterpriseUnit> findByIdAndAccountId(Long id, Long accountId);
}
