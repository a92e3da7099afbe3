package com.certportal.certstatus;

import com.certportal.order.RevocationReason;
import com.certportal.pki.CaFamily;
import com.certportal.pki.CertificateStatusRecord;
import com.certportal.pki.RevokedEntry;
import com.certportal.pki.Serials;
import com.certportal.pki.StatusSource;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * D2: what the OCSP responder and the CRLs say of a certificate, read from the same rows the order
 * page shows, at the moment they are asked (no cache of its own). An expired certificate is still
 * answered with its status: relying parties may check a signature made while it was valid.
 */
@Service
@Transactional(readOnly = true)
class CertificateStatuses implements StatusSource {

    private final EntityManager entityManager;

    CertificateStatuses(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<CertificateStatusRecord> status(CaFamily family, BigInteger serial) {
        List<Object[]> rows = entityManager
                .createQuery(
                        "select c.status, c.revokedAt, c.revocationReason from Certificate c"
                                + " where c.serialNumber = :serial and c.caFamily = :family",
                        Object[].class)
                .setParameter("serial", Serials.hex(serial))
                .setParameter("family", family.key())
                .getResultList();
        return rows.stream().findFirst().map(CertificateStatuses::record);
    }

    /** D2, R2: every certificate of the family revoked by {@code at}, with its reason's CRL code. */
    List<RevokedEntry> revokedBy(CaFamily family, Instant at) {
        return entityManager
                .createQuery(
                        "select c.serialNumber, c.revokedAt, c.revocationReason from Certificate c"
                                + " where c.caFamily = :family and c.revokedAt is not null and c.revokedAt <= :at",
                        Object[].class)
                .setParameter("family", family.key())
                .setParameter("at", at)
                .getResultList()
                .stream()
                .map(row -> new RevokedEntry(
                        Serials.of((String) row[0]),
                        (Instant) row[1],
                        ((RevocationReason) row[2]).crlReasonCode(),
                        null))
                .toList();
    }

    private static CertificateStatusRecord record(Object[] row) {
        Instant revokedAt = (Instant) row[1];
        return revokedAt == null
                ? CertificateStatusRecord.good()
                : CertificateStatusRecord.revoked(revokedAt, ((RevocationReason) row[2]).crlReasonCode());
    }
}
