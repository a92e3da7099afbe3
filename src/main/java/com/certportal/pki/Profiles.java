package com.certportal.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * I2: the extensions every certificate of this CA is made of, and the pieces they share (serial
 * numbers, key identifiers, names, PEM). The certificate kinds compose these in {@link
 * CaHierarchyGenerator} and {@link CertificateAuthority}.
 */
final class Profiles {

    static final String ORGANIZATION = "CertPortal Demo";
    static final String COUNTRY = "JP";
    private static final int SERIAL_BYTES = 20;

    private Profiles() {}

    /**
     * I2: 20 random bytes, positive (top bit cleared, so DER needs no sign byte and the serial
     * stays within 20 octets) and never zero: 159 bits of entropy, far above the 64 required.
     */
    static BigInteger serial(SecureRandom random) {
        byte[] bytes = new byte[SERIAL_BYTES];
        BigInteger serial;
        do {
            random.nextBytes(bytes);
            bytes[0] &= 0x7F;
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }

    /** Upper-case hex, an even number of digits, as {@code openssl x509 -serial} prints it. */
    static String serialHex(BigInteger serial) {
        return Serials.hex(serial);
    }

    /** C=JP, O=..., CN=... (printed CN first, as RFC 4514 reverses the order). */
    static X500Name name(String commonName, String organization, String country) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        if (country != null) {
            builder.addRDN(BCStyle.C, country);
        }
        if (organization != null) {
            builder.addRDN(BCStyle.O, organization);
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }

    static X500Name subjectOf(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    static void caBasics(X509v3CertificateBuilder builder, Integer pathLength) throws CertIOException {
        builder.addExtension(
                Extension.basicConstraints,
                true,
                pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    static void endEntity(X509v3CertificateBuilder builder, int keyUsage, List<KeyPurposeId> purposes)
            throws CertIOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        builder.addExtension(
                Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
    }

    /** The OCSP responder's own certificate is not checked for revocation (RFC 6960 4.2.2.2.1). */
    static void ocspNoCheck(X509v3CertificateBuilder builder) throws CertIOException {
        builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
    }

    static void subjectKeyIdentifier(X509v3CertificateBuilder builder, PublicKey key) throws CertIOException {
        builder.addExtension(
                Extension.subjectKeyIdentifier, false, extensionUtils().createSubjectKeyIdentifier(key));
    }

    /** The key identifier only (no issuer name and serial), taken from the issuer's own SKI. */
    static void authorityKeyIdentifier(X509v3CertificateBuilder builder, X509Certificate issuer)
            throws CertIOException {
        SubjectKeyIdentifier issuerKey =
                SubjectKeyIdentifier.fromExtensions(holder(issuer).getExtensions());
        builder.addExtension(
                Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKey.getKeyIdentifier()));
    }

    static void crlDistributionPoint(X509v3CertificateBuilder builder, String url) throws CertIOException {
        DistributionPointName where = new DistributionPointName(
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url)));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(where, null, null)
        }));
    }

    /** AIA: the OCSP responder (null for CA certificates, whose status is in the root's CRL) and the issuer's certificate. */
    static void authorityInformationAccess(X509v3CertificateBuilder builder, String ocspUrl, String issuerUrl)
            throws CertIOException {
        AccessDescription issuer = new AccessDescription(
                AccessDescription.id_ad_caIssuers, new GeneralName(GeneralName.uniformResourceIdentifier, issuerUrl));
        AccessDescription[] access = ocspUrl == null
                ? new AccessDescription[] {issuer}
                : new AccessDescription[] {
                    new AccessDescription(
                            AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)),
                    issuer
                };
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(access));
    }

    static void dnsNames(X509v3CertificateBuilder builder, List<String> names) throws CertIOException {
        GeneralName[] general =
                names.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(general));
    }

    static X509Certificate certificate(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IllegalStateException("a certificate this CA just signed does not parse", e);
        }
    }

    /** One certificate from its PEM (as {@link IssuedCertificate#pem()} gives it). */
    static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate", e);
        }
    }

    static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("unreadable CA certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    static String pem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
        return text.toString().replace("\r\n", "\n");
    }

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 for key identifiers is missing from this JDK", e);
        }
    }
}
