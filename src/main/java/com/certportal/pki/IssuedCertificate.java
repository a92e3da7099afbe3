package com.certportal.pki;

import java.time.Instant;

/**
 * A certificate the CA signed.
 *
 * @param serialHex the serial number in upper-case hex, no colons, an even number of digits (as
 *     {@code openssl x509 -serial} prints it)
 * @param notBefore the validity as encoded, to the second
 * @param pem the certificate alone, PEM
 */
public record IssuedCertificate(String serialHex, Instant notBefore, Instant notAfter, String pem, CaFamily family) {}
