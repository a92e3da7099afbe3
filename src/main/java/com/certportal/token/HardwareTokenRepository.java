package com.certportal.token;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HardwareTokenRepository extends JpaRepository<HardwareToken, Long> {

    List<HardwareToken> findByAccountIdAndStatusOrderBySerialNumber(Long accountId, HardwareToken.Status status);
}
