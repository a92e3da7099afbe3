package com.certportal.token;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HardwareTokenRepository extends JpaRepository<HardwareToken, Long> {}
