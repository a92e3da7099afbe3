package com.certportal.unit;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EnterpriseUnitRepository extends JpaRepository<EnterpriseUnit, Long> {}
