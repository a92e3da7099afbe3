package com.certportal.token;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HardwareTokenRepository extends JpaRepository<HardwareToken, Long> {

    Optional<HardwareToken> findBySerialNumberAndAccountId(String serialNumber, Long accountId);

    /** P6, O3: the tokens an account can choose as "existing token" for a new code-signing order. */
    List<HardwareToken> findByAccountIdAndStatusOrderBySerialNumberAsc(Long accountId, HardwareToken.Status status);
}
