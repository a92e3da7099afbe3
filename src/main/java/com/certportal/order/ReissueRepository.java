package com.certportal.order;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReissueRepository extends JpaRepository<Reissue, Long> {}
