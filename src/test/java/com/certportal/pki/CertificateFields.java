package com.certportal.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/** What the tests read of a certificate (I2): its DNS names, its CRL and AIA addresses; a PEM chain. */
public final class CertificateFields {

    private CertificateFields() {}

    /** The certificates of a PEM file (a chain: leaf first), in file order. */
    public static List<X509Certificate> chain(String pem) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new AssertionError("not a PEM chain: " + e.getMessage(), e);
        }
    }

    /** The subjectAltName's names, each of which must be a DNS name. */
    public static List<String> dnsNames(X509Certificate certificate) {
        return dnsNames(Profiles.holder(certificate));
    }

    public static List<String> crlUrls(X509Certificate certificate) {
        return crlUrls(Profiles.holder(certificate));
    }

    public static List<String> ocspUrls(X509Certificate certificate) {
        return aia(Profiles.holder(certificate), AccessDescription.id_ad_ocsp);
    }

    public static List<String> caIssuerUrls(X509Certificate certificate) {
        return aia(Profiles.holder(certificate), AccessDescription.id_ad_caIssuers);
    }

    static List<String> dnsNames(X509CertificateHolder holder) {
        GeneralNames names = GeneralNames.fromExtensions(holder.getExtensions(), Extension.subjectAlternativeName);
        List<String> dns = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            assertThat(name.getTagNo()).isEqualTo(GeneralName.dNSName);
            dns.add(name.getName().toString());
        }
        return dns;
    }

    static List<String> crlUrls(X509CertificateHolder holder) {
        List<String> urls = new ArrayList<>();
        CRLDistPoint points = CRLDistPoint.fromExtensions(holder.getExtensions());
        for (DistributionPoint point : points.getDistributionPoints()) {
            for (GeneralName name : GeneralNames.getInstance(
                            point.getDistributionPoint().getName())
                    .getNames()) {
                urls.add(name.getName().toString());
            }
        }
        return urls;
    }

    static List<String> aia(X509CertificateHolder holder, ASN1ObjectIdentifier method) {
        List<String> urls = new ArrayList<>();
        for (AccessDescription access : AuthorityInformationAccess.fromExtensions(holder.getExtensions())
                .getAccessDescriptions()) {
            if (access.getAccessMethod().equals(method)) {
                urls.add(access.getAccessLocation().getName().toString());
            }
        }
        return urls;
    }
}
