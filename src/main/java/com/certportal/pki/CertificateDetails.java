package com.certportal.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * D1: what the order page tells of a certificate, read from the certificate itself (not from what
 * the portal believes it issued): issuer, serial, validity, key, signature algorithm, thumbprints
 * and names.
 */
public record CertificateDetails(
        String subject,
        String issuer,
        String serialHex,
        Instant notBefore,
        Instant notAfter,
        String keyAlgorithm,
        int keySize,
        String signatureAlgorithm,
        String sha256Thumbprint,
        String sha1Thumbprint,
        List<String> dnsNames) {

    public static CertificateDetails of(String pem) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            PublicKey key = certificate.getPublicKey();
            return new CertificateDetails(
                    certificate.getSubjectX500Principal().getName(),
                    certificate.getIssuerX500Principal().getName(),
                    colons(Serials.hex(certificate.getSerialNumber())),
                    certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(),
                    key.getAlgorithm(),
                    keySize(key),
                    certificate.getSigAlgName(),
                    thumbprint("SHA-256", certificate),
                    thumbprint("SHA-1", certificate),
                    dnsNames(certificate));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a certificate", e);
        }
    }

    private static int keySize(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return 0;
    }

    private static String thumbprint(String digest, X509Certificate certificate) throws GeneralSecurityException {
        return colons(HexFormat.of()
                .withUpperCase()
                .formatHex(MessageDigest.getInstance(digest).digest(certificate.getEncoded())));
    }

    private static List<String> dnsNames(X509Certificate certificate) throws GeneralSecurityException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        if (names == null) {
            return List.of();
        }
        return names.stream()
                .filter(n -> Integer.valueOf(2).equals(n.get(0)))
                .map(n -> n.get(1).toString().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** AB:CD:EF, as certificate viewers show serials and thumbprints. */
    private static String colons(String hex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, Math.min(i + 2, hex.length()));
        }
        return out.toString();
    }
}
