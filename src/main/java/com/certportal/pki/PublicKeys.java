package com.certportal.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.util.Arrays;

/** K4, K5: comparing a CSR's key with the keys of certificates already issued. */
public final class PublicKeys {

    private PublicKeys() {}

    /** The subject key of a certificate (PEM). */
    public static PublicKey ofCertificate(String pem) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a certificate", e);
        }
    }

    /** The same key: the same SubjectPublicKeyInfo, byte for byte. */
    public static boolean same(PublicKey a, PublicKey b) {
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }
}
