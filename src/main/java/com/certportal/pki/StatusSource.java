package com.certportal.pki;

import java.math.BigInteger;
import java.util.Optional;

/**
 * D2: where the OCSP responder learns a certificate's status. The portal implements it over its
 * certificates, answering from the same state as the order page at every moment (no cache of its
 * own: the responder signs again whenever a status changes).
 */
public interface StatusSource {

    /**
     * @return the status of the certificate with this serial that the family's issuing CA signed, or
     *     empty when it never signed one (the responder answers "unknown")
     */
    Optional<CertificateStatusRecord> status(CaFamily family, BigInteger serial);
}
