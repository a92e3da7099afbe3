package com.certportal.pki;

import static com.certportal.pki.CertificateFields.aia;
import static com.certportal.pki.CertificateFields.crlUrls;
import static com.certportal.pki.CertificateFields.dnsNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.certportal.catalog.CertificateLifetime;
import com.certportal.catalog.Product;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** I1, I2: the CA hierarchy per family and the profile of every certificate it issues. */
class CertificateAuthorityTest {

    private static final CertificateAuthority CA = TestCa.create("profiles");
    private static final String BASE = TestCa.BASE_URL.toString();
    private static final Instant ISSUED = Instant.parse("2026-12-01T09:30:15.123Z");
    private static final KeyPair RSA = TestKeys.rsa(2048);
    private static final KeyPair EC = TestKeys.ec("secp256r1");

    private static X509Certificate issue(Product product, PublicKey key, String cn, List<String> names, String org) {
        Instant notAfter = CertificateLifetime.notAfter(product, ISSUED, ISSUED.plus(Duration.ofDays(3 * 365)));
        IssuedCertificate issued = CA.issue(new IssueRequest(product, key, cn, names, org, ISSUED, notAfter));
        X509Certificate certificate = TestCa.parse(issued.pem());
        assertThat(issued.family()).isEqualTo(CaFamily.of(product));
        assertThat(issued.notBefore()).isEqualTo(certificate.getNotBefore().toInstant());
        assertThat(issued.notAfter()).isEqualTo(certificate.getNotAfter().toInstant());
        assertThat(new BigInteger(issued.serialHex(), 16)).isEqualTo(certificate.getSerialNumber());
        return certificate;
    }

    private static X509Certificate tls(Product product, PublicKey key) {
        return issue(product, key, "www.example.com", List.of("www.example.com", "example.com"), null);
    }

    @Test
    void tlsGetsServerAuthDigitalSignatureKeyEnciphermentForRsaAndItsNames() throws Exception {
        X509Certificate leaf = tls(Product.TLS_DV, RSA.getPublic());
        X509CertificateHolder holder = Profiles.holder(leaf);

        assertThat(leaf.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_serverAuth.getId());
        assertThat(holder.getExtension(Extension.keyUsage).isCritical()).isTrue();
        assertThat(KeyUsage.fromExtensions(holder.getExtensions()))
                .isEqualTo(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        assertThat(dnsNames(holder)).containsExactly("www.example.com", "example.com");
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=www.example.com");
    }

    @Test
    void tlsWithAnEcKeyGetsDigitalSignatureOnly() {
        X509CertificateHolder holder = Profiles.holder(tls(Product.TLS_OV, EC.getPublic()));

        assertThat(KeyUsage.fromExtensions(holder.getExtensions())).isEqualTo(new KeyUsage(KeyUsage.digitalSignature));
    }

    @Test
    void organizationValidatedCertificatesNameTheOrganizationAndCountry() {
        X509Certificate leaf =
                issue(Product.TLS_EV, EC.getPublic(), "www.example.com", List.of("www.example.com"), "Example, Inc.");

        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=www.example.com,O=Example\\, Inc.,C=JP");
    }

    @Test
    void privateGetsServerAndClientAuth() throws Exception {
        X509Certificate leaf =
                issue(Product.PRIVATE, EC.getPublic(), "intranet", List.of("intranet", "wiki.corp"), null);

        assertThat(leaf.getExtendedKeyUsage())
                .containsExactly(KeyPurposeId.id_kp_serverAuth.getId(), KeyPurposeId.id_kp_clientAuth.getId());
        assertThat(dnsNames(Profiles.holder(leaf))).containsExactly("intranet", "wiki.corp");
    }

    @ParameterizedTest
    @EnumSource(names = {"CODE_SIGNING", "EV_CODE_SIGNING"})
    void codeSigningGetsCodeSigningAndDigitalSignatureAndNoNames(Product product) throws Exception {
        X509Certificate leaf =
                issue(product, TestKeys.rsa(3072).getPublic(), "Example Corp", List.of(), "Example Corp");
        X509CertificateHolder holder = Profiles.holder(leaf);

        assertThat(leaf.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_codeSigning.getId());
        assertThat(KeyUsage.fromExtensions(holder.getExtensions())).isEqualTo(new KeyUsage(KeyUsage.digitalSignature));
        assertThat(holder.getExtension(Extension.subjectAlternativeName)).isNull();
    }

    @Test
    void documentSigningGetsTheDocumentSigningPurposeOnlyWithNonRepudiation() throws Exception {
        X509Certificate leaf =
                issue(Product.DOCUMENT_SIGNING, EC.getPublic(), "Example Corp", List.of(), "Example Corp");
        X509CertificateHolder holder = Profiles.holder(leaf);

        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.36");
        assertThat(KeyUsage.fromExtensions(holder.getExtensions()))
                .isEqualTo(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    }

    /** I2: what every leaf carries, whatever its family. */
    @ParameterizedTest
    @EnumSource(Product.class)
    void everyLeafIsAnEndEntityWithKeyIdentifiersCrlAndAiaUnderTheBaseUrl(Product product) {
        CaFamily family = CaFamily.of(product);
        boolean names = family == CaFamily.TLS || family == CaFamily.PRIVATE;
        X509Certificate leaf = names
                ? tls(product, EC.getPublic())
                : issue(product, EC.getPublic(), "Example Corp", List.of(), "Example Corp");
        X509CertificateHolder holder = Profiles.holder(leaf);
        String key = family.key();

        assertThat(holder.getExtension(Extension.basicConstraints).isCritical()).isTrue();
        assertThat(BasicConstraints.fromExtensions(holder.getExtensions()).isCA())
                .isFalse();
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(authorityKeyId(holder)).isEqualTo(subjectKeyId(Profiles.holder(CA.issuing(family))));
        assertThat(AuthorityKeyIdentifier.fromExtensions(holder.getExtensions()).getAuthorityCertIssuer())
                .isNull();
        assertThat(subjectKeyId(holder)).hasSize(20);
        assertThat(crlUrls(holder)).containsExactly(BASE + "/pki/crl/" + key + ".crl");
        assertThat(aia(holder, AccessDescription.id_ad_ocsp)).containsExactly(BASE + "/pki/ocsp/" + key);
        assertThat(aia(holder, AccessDescription.id_ad_caIssuers)).containsExactly(BASE + "/pki/ca/" + key + ".crt");
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(CA.issuing(family).getSubjectX500Principal());
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA384withECDSA");
        assertThat(leaf.getVersion()).isEqualTo(3);
    }

    /** I2: 20 random bytes, positive, never zero: at most 159 bits, and no two alike. */
    @Test
    void serialsAreRandomPositiveAndAtMost20Bytes() {
        Set<BigInteger> serials = new HashSet<>();
        int longest = 0;
        for (int i = 0; i < 64; i++) {
            BigInteger serial = tls(Product.TLS_DV, EC.getPublic()).getSerialNumber();
            assertThat(serial.signum()).isPositive();
            assertThat(serial.toByteArray().length).isLessThanOrEqualTo(20);
            longest = Math.max(longest, serial.bitLength());
            serials.add(serial);
        }
        assertThat(serials).hasSize(64);
        assertThat(longest).as("entropy well above 64 bits").isGreaterThan(150);
    }

    @Test
    void theSerialHexIsUpperCaseWithAnEvenNumberOfDigits() {
        assertThat(Profiles.serialHex(BigInteger.valueOf(0xABC))).isEqualTo("0ABC");
        assertThat(Profiles.serialHex(new BigInteger("7F00FF", 16))).isEqualTo("7F00FF");
    }

    @Test
    void validityIsTheRequestedOneToTheSecond() {
        X509Certificate leaf = tls(Product.TLS_DV, EC.getPublic());

        assertThat(leaf.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-12-01T09:30:15Z"));
        assertThat(leaf.getNotAfter().toInstant())
                .isEqualTo(Instant.parse("2026-12-01T09:30:15Z").plus(Duration.ofDays(199)));
    }

    @ParameterizedTest
    @EnumSource(CaFamily.class)
    void theRootIsASelfSignedCaFor20Years(CaFamily family) throws Exception {
        X509Certificate root = CA.root(family);
        X509CertificateHolder holder = Profiles.holder(root);

        root.verify(root.getPublicKey());
        assertThat(root.getSubjectX500Principal().getName())
                .isEqualTo("CN=CertPortal " + family.displayName() + " Root CA 2026,O=CertPortal Demo,C=JP");
        assertThat(root.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        assertThat(holder.getExtension(Extension.basicConstraints).isCritical()).isTrue();
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(holder.getExtension(Extension.keyUsage).isCritical()).isTrue();
        assertThat(KeyUsage.fromExtensions(holder.getExtensions()))
                .isEqualTo(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        assertThat(subjectKeyId(holder)).isNotEmpty();
        assertThat(years(root)).isEqualTo(20);
        assertThat(root.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(root.getSigAlgName()).isEqualTo("SHA384withECDSA");
    }

    @ParameterizedTest
    @EnumSource(CaFamily.class)
    void theIssuingCaIsUnderTheRootWithPathLength0For10Years(CaFamily family) throws Exception {
        X509Certificate issuing = CA.issuing(family);
        X509CertificateHolder holder = Profiles.holder(issuing);
        String key = family.key();

        issuing.verify(CA.root(family).getPublicKey());
        assertThat(issuing.getSubjectX500Principal().getName())
                .isEqualTo("CN=CertPortal " + family.displayName() + " Issuing CA 2026,O=CertPortal Demo,C=JP");
        assertThat(issuing.getBasicConstraints()).isZero();
        assertThat(holder.getExtension(Extension.basicConstraints).isCritical()).isTrue();
        assertThat(KeyUsage.fromExtensions(holder.getExtensions()))
                .isEqualTo(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        assertThat(authorityKeyId(holder)).isEqualTo(subjectKeyId(Profiles.holder(CA.root(family))));
        assertThat(subjectKeyId(holder)).isNotEmpty();
        assertThat(crlUrls(holder)).containsExactly(BASE + "/pki/crl/" + key + "-root.crl");
        assertThat(aia(holder, AccessDescription.id_ad_caIssuers))
                .containsExactly(BASE + "/pki/ca/" + key + "-root.crt");
        assertThat(aia(holder, AccessDescription.id_ad_ocsp)).isEmpty();
        assertThat(years(issuing)).isEqualTo(10);
        assertThat(CA.chain(family)).containsExactly(issuing, CA.root(family));
    }

    @ParameterizedTest
    @EnumSource(CaFamily.class)
    void theOcspResponderIsDelegatedByTheIssuingCaForOneYear(CaFamily family) throws Exception {
        X509Certificate responder = CA.ocspResponder(family);
        X509CertificateHolder holder = Profiles.holder(responder);

        responder.verify(CA.issuing(family).getPublicKey());
        assertThat(responder.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_OCSPSigning.getId());
        ASN1Encodable noCheck =
                holder.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck).getParsedValue();
        assertThat(noCheck).isEqualTo(DERNull.INSTANCE);
        assertThat(responder.getBasicConstraints()).isEqualTo(-1);
        assertThat(KeyUsage.fromExtensions(holder.getExtensions())).isEqualTo(new KeyUsage(KeyUsage.digitalSignature));
        assertThat(authorityKeyId(holder)).isEqualTo(subjectKeyId(Profiles.holder(CA.issuing(family))));
        assertThat(years(responder)).isEqualTo(1);
        assertThat(CA.ocspSigner(family).certificate()).isEqualTo(responder);
    }

    /** The signers that CRL and OCSP signing will use sign with the keys the certificates certify. */
    @ParameterizedTest
    @EnumSource(CaFamily.class)
    void eachSignerSignsWithTheKeyItsCertificateCertifies(CaFamily family) throws Exception {
        for (CaSigner signer : List.of(CA.rootSigner(family), CA.issuingSigner(family), CA.ocspSigner(family))) {
            var contentSigner = signer.contentSigner();
            contentSigner.getOutputStream().write("signed".getBytes(StandardCharsets.US_ASCII));
            byte[] signature = contentSigner.getSignature();
            var verifier = java.security.Signature.getInstance("SHA384withECDSA");
            verifier.initVerify(signer.certificate().getPublicKey());
            verifier.update("signed".getBytes(StandardCharsets.US_ASCII));
            assertThat(verifier.verify(signature)).as(signer.toString()).isTrue();
            assertThat(signer.toString()).doesNotContain("PrivateKey").doesNotContain("S:");
        }
    }

    /** I1: a leaf validates by Java's PKIX against the family's root as the only trust anchor. */
    @ParameterizedTest
    @EnumSource(Product.class)
    void anIssuedLeafValidatesAgainstTheRootByPkix(Product product) throws Exception {
        CaFamily family = CaFamily.of(product);
        X509Certificate leaf = family == CaFamily.TLS || family == CaFamily.PRIVATE
                ? tls(product, RSA.getPublic())
                : issue(product, TestKeys.rsa(3072).getPublic(), "Example Corp", List.of(), "Example Corp");
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        CertPath path = factory.generateCertPath(List.of(leaf, CA.issuing(family)));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(CA.root(family), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(ISSUED.plus(Duration.ofDays(10))));

        PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult)
                CertPathValidator.getInstance("PKIX").validate(path, parameters);

        assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(CA.root(family));
        assertThat(result.getPublicKey()).isEqualTo(leaf.getPublicKey());
    }

    @Test
    void aLeafDoesNotValidateUnderAnotherFamilysRoot() throws Exception {
        X509Certificate leaf = tls(Product.TLS_DV, RSA.getPublic());
        CertPath path =
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, CA.issuing(CaFamily.TLS)));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(CA.root(CaFamily.PRIVATE), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(ISSUED));

        assertThatThrownBy(() -> CertPathValidator.getInstance("PKIX").validate(path, parameters))
                .isInstanceOf(java.security.cert.CertPathValidatorException.class);
    }

    @Test
    void requestsTheOrderFlowShouldNeverSendAreRefused() {
        Instant end = ISSUED.plus(Duration.ofDays(30));
        assertThatThrownBy(() -> CA.issue(new IssueRequest(
                        Product.TLS_DV, EC.getPublic(), "www.example.com", List.of("example.com"), null, ISSUED, end)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CN");
        assertThatThrownBy(() -> CA.issue(new IssueRequest(
                        Product.TLS_DV, EC.getPublic(), "example.com", List.of("example.com"), "Example", ISSUED, end)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CA.issue(new IssueRequest(
                        Product.TLS_DV, EC.getPublic(), "example.com", List.of("example.com"), null, end, ISSUED)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CA.issue(new IssueRequest(
                        Product.CODE_SIGNING, EC.getPublic(), "Example", List.of("example.com"), null, ISSUED, end)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CA.issue(new IssueRequest(
                        Product.TLS_DV,
                        TestKeys.of("Ed25519", 0).getPublic(),
                        "example.com",
                        List.of("example.com"),
                        null,
                        ISSUED,
                        end)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void familiesAreKeyedForUrlsAndFollowTheProductFamily() {
        assertThat(List.of(CaFamily.values()).stream().map(CaFamily::key))
                .containsExactly("tls", "code-signing", "document-signing", "private");
        assertThat(CaFamily.of(Product.TLS_EV)).isEqualTo(CaFamily.TLS);
        assertThat(CaFamily.of(Product.EV_CODE_SIGNING)).isEqualTo(CaFamily.CODE_SIGNING);
        assertThat(CaFamily.of(Product.DOCUMENT_SIGNING)).isEqualTo(CaFamily.DOCUMENT_SIGNING);
        assertThat(CaFamily.of(Product.PRIVATE)).isEqualTo(CaFamily.PRIVATE);
        assertThat(CaFamily.fromKey("code-signing")).contains(CaFamily.CODE_SIGNING);
        assertThat(CaFamily.fromKey("nope")).isEmpty();
    }

    private static int years(X509Certificate certificate) {
        ZonedDateTime from = certificate.getNotBefore().toInstant().atZone(ZoneOffset.UTC);
        ZonedDateTime to = certificate.getNotAfter().toInstant().atZone(ZoneOffset.UTC);
        assertThat(from.toInstant()).isEqualTo(TestCa.CREATED);
        assertThat(to).isEqualTo(from.plusYears(to.getYear() - from.getYear()));
        return to.getYear() - from.getYear();
    }

    private static byte[] subjectKeyId(X509CertificateHolder holder) {
        return SubjectKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifier();
    }

    private static byte[] authorityKeyId(X509CertificateHolder holder) {
        return AuthorityKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifierOctets();
    }
}
