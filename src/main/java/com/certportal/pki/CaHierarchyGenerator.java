package com.certportal.pki;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * I1: makes a family's CA at first start: a self-signed root (20 years), an issuing CA under it
 * (10 years, path length 0) and the issuing CA's delegated OCSP responder (1 year, D2). Keys come
 * from the key store's own generator, so with PKCS#11 they are made inside the token.
 */
final class CaHierarchyGenerator {

    static final int ROOT_YEARS = 20;
    static final int ISSUING_YEARS = 10;
    static final int RESPONDER_YEARS = 1;

    /** A key entry to store: the alias, the key and its chain (the certificate first). */
    record Entry(String alias, PrivateKey key, X509Certificate[] chain) {}

    private final PkiUrls urls;
    private final Supplier<KeyPair> keys;
    private final Provider signingProvider;
    private final SecureRandom random;

    /**
     * @param keys makes an EC P-384 key pair where the keys are kept
     * @param signingProvider the provider that signs with those keys, or null for the JDK's
     */
    CaHierarchyGenerator(PkiUrls urls, Supplier<KeyPair> keys, Provider signingProvider, SecureRandom random) {
        this.urls = urls;
        this.keys = keys;
        this.signingProvider = signingProvider;
        this.random = random;
    }

    /** The root, issuing and responder entries, in the order they must be stored. */
    List<Entry> generate(CaFamily family, Instant now) {
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
        int year = notBefore.atZone(ZoneOffset.UTC).getYear();
        String prefix = "CertPortal " + family.displayName() + " ";
        try {
            KeyPair rootKeys = keys.get();
            X500Name rootName = Profiles.name(prefix + "Root CA " + year, Profiles.ORGANIZATION, Profiles.COUNTRY);
            X509v3CertificateBuilder root = builder(rootName, rootName, notBefore, ROOT_YEARS, rootKeys);
            Profiles.caBasics(root, null);
            Profiles.subjectKeyIdentifier(root, rootKeys.getPublic());
            X509Certificate rootCertificate = sign(root, rootKeys.getPrivate());

            KeyPair issuingKeys = keys.get();
            X509v3CertificateBuilder issuing = builder(
                    rootName,
                    Profiles.name(prefix + "Issuing CA " + year, Profiles.ORGANIZATION, Profiles.COUNTRY),
                    notBefore,
                    ISSUING_YEARS,
                    issuingKeys);
            Profiles.caBasics(issuing, 0);
            Profiles.subjectKeyIdentifier(issuing, issuingKeys.getPublic());
            Profiles.authorityKeyIdentifier(issuing, rootCertificate);
            Profiles.crlDistributionPoint(issuing, urls.rootCrl(family));
            Profiles.authorityInformationAccess(issuing, null, urls.rootCertificate(family));
            X509Certificate issuingCertificate = sign(issuing, rootKeys.getPrivate());

            KeyPair responderKeys = keys.get();
            X509v3CertificateBuilder responder = builder(
                    Profiles.subjectOf(issuingCertificate),
                    Profiles.name(prefix + "OCSP Responder " + year, Profiles.ORGANIZATION, Profiles.COUNTRY),
                    notBefore,
                    RESPONDER_YEARS,
                    responderKeys);
            Profiles.endEntity(responder, KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_OCSPSigning));
            Profiles.ocspNoCheck(responder);
            Profiles.subjectKeyIdentifier(responder, responderKeys.getPublic());
            Profiles.authorityKeyIdentifier(responder, issuingCertificate);
            X509Certificate responderCertificate = sign(responder, issuingKeys.getPrivate());

            return List.of(
                    new Entry(CaAliases.root(family), rootKeys.getPrivate(), new X509Certificate[] {rootCertificate}),
                    new Entry(CaAliases.issuing(family), issuingKeys.getPrivate(), new X509Certificate[] {
                        issuingCertificate, rootCertificate
                    }),
                    new Entry(CaAliases.responder(family), responderKeys.getPrivate(), new X509Certificate[] {
                        responderCertificate, issuingCertificate, rootCertificate
                    }));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build the " + family + " CA certificates", e);
        }
    }

    private X509v3CertificateBuilder builder(
            X500Name issuer, X500Name subject, Instant notBefore, int years, KeyPair subjectKeys) {
        Instant notAfter = ZonedDateTime.ofInstant(notBefore, ZoneOffset.UTC)
                .plusYears(years)
                .toInstant();
        return new JcaX509v3CertificateBuilder(
                issuer,
                Profiles.serial(random),
                Date.from(notBefore),
                Date.from(notAfter),
                subject,
                subjectKeys.getPublic());
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        return Profiles.certificate(builder.build(CaSigner.contentSigner(issuerKey, signingProvider)));
    }
}
