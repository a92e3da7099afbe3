package com.certportal.pki;

/**
 * D2: where the public CRL endpoint gets an issuing CA's current CRL. The portal implements it over
 * its certificates: a CRL number that only ever grows (across restarts and instances), every revoked
 * certificate of the family as a {@link RevokedEntry}, signed by {@link CrlIssuer#crl}, kept and
 * answered unchanged until it is made again: within a minute of any revocation, and before its
 * nextUpdate.
 */
public interface CrlSource {

    /** The family's current full CRL, DER; the same bytes until it is made again. */
    byte[] currentCrl(CaFamily family);
}
