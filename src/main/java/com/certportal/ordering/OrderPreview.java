package com.certportal.ordering;

import com.certportal.catalog.Product;
import com.certportal.validation.Validations.NeededValidations;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * O1: what the member sees before submitting: the names read from the CSR (CN first), the key, the
 * price, how long the first certificate would be valid (I3), and whether approval (O4) and which
 * validations (V) will be needed.
 */
public record OrderPreview(
        Product product,
        int validityYears,
        String commonName,
        List<String> names,
        String csrPem,
        String keyAlgorithm,
        int keySize,
        BigDecimal price,
        BigDecimal tokenPrice,
        String currency,
        Instant certificateNotAfter,
        Instant planEndsAt,
        Instant judgedAt,
        boolean needsApproval,
        NeededValidations validations) {

    public BigDecimal total() {
        return tokenPrice == null ? price : price.add(tokenPrice);
    }

    /** I3: whole days the first certificate would be valid. */
    public long certificateDays() {
        return Duration.between(judgedAt, certificateNotAfter).toDays();
    }

    /** I3: a multi-year plan gets further certificates by reissue within it. */
    public boolean planOutlastsCertificate() {
        return planEndsAt.isAfter(certificateNotAfter);
    }
}
