package com.certportal.voucher;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VoucherRepository extends JpaRepository<Voucher, Long> {

    Optional<Voucher> findByCode(String code);

    /** O3: a voucher code typed in only counts if it belongs to the account. */
    Optional<Voucher> findByCodeAndAccountId(String code, Long accountId);

    List<Voucher> findByAccountIdAndStatusOrderByCodeAsc(Long accountId, Voucher.Status status);
}
