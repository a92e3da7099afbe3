package com.certportal.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.certportal.catalog.Product;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** D1, K3: every download format and platform, parsed back and compared with what the CA issued. */
class CertificateFormatsTest {

    private static final CertificateAuthority CA = TestCa.create("formats");
    private static final CertificateFormats FORMATS = new CertificateFormats(CA);
    private static final Instant ISSUED = Instant.parse("2026-12-01T09:30:15Z");
    private static final X509Certificate LEAF = PkiFixtures.issue(
            CA,
            Product.TLS_DV,
            TestKeys.ec("secp256r1"),
            "*.shop.example.com",
            List.of("*.shop.example.com", "shop.example.com"),
            null,
            ISSUED);
    private static final X509Certificate ISSUING = CA.issuing(CaFamily.TLS);
    private static final X509Certificate ROOT = CA.root(CaFamily.TLS);
    private static final String ID = "C-0042";
    private static final String NAME = "star.shop.example.com_C-0042";

    @Test
    void pemAllIsLeafIssuingCaAndRootInThatOrder() throws Exception {
        Download download = FORMATS.download(LEAF, CaFamily.TLS, ID, DownloadFormat.PEM_ALL);

        assertThat(download.fileName()).isEqualTo(NAME + ".pem");
        assertThat(download.contentType()).isEqualTo("application/pem-certificate-chain");
        assertThat(pemCertificates(download.content())).containsExactly(LEAF, ISSUING, ROOT);
        assertThat(jdkCertificates(download.content())).containsExactly(LEAF, ISSUING, ROOT);
    }

    @Test
    void pemNorootIsLeafAndIssuingCa() throws Exception {
        Download download = FORMATS.download(LEAF, CaFamily.TLS, ID, DownloadFormat.PEM_NOROOT);

        assertThat(download.fileName()).isEqualTo(NAME + ".pem");
        assertThat(pemCertificates(download.content())).containsExactly(LEAF, ISSUING);
    }

    @Test
    void pemNointermediateIsLeafAndRoot() throws Exception {
        Download download = FORMATS.download(LEAF, CaFamily.TLS, ID, DownloadFormat.PEM_NOINTERMEDIATE);

        assertThat(download.fileName()).isEqualTo(NAME + ".pem");
        assertThat(pemCertificates(download.content())).containsExactly(LEAF, ROOT);
    }

    @Test
    void crtIsTheLeafAloneInPem() throws Exception {
        Download download = FORMATS.download(PkiFixtures.pem(LEAF), CaFamily.TLS, ID, DownloadFormat.CRT);

        assertThat(download.fileName()).isEqualTo(NAME + ".crt");
        assertThat(download.contentType()).isEqualTo("application/pem-certificate-chain");
        assertThat(new String(download.content(), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN CERTIFICATE-----\n")
                .endsWith("-----END CERTIFICATE-----\n");
        assertThat(pemCertificates(download.content())).containsExactly(LEAF);
    }

    @Test
    void derIsTheLeafAloneInDerThatOpensslReads() throws Exception {
        Download download = FORMATS.download(LEAF, CaFamily.TLS, ID, DownloadFormat.DER);

        assertThat(download.fileName()).isEqualTo(NAME + ".der");
        assertThat(download.contentType()).isEqualTo("application/pkix-cert");
        assertThat(download.content()).isEqualTo(LEAF.getEncoded());
        assertThat(jdkCertificates(download.content())).containsExactly(LEAF);

        Path file = Files.write(TestCa.directory("formats-der").resolve(download.fileName()), download.content());
        String text = Openssl.ok("x509", "-inform", "DER", "-in", file.toString(), "-noout", "-subject", "-serial");
        assertThat(text)
                .contains("subject=CN = *.shop.example.com")
                .contains("serial=" + Profiles.serialHex(LEAF.getSerialNumber()));
    }

    @Test
    void p7bIsADerCertsOnlySignedDataWithTheWholeChainThatOpensslPrints() throws Exception {
        Download download = FORMATS.download(LEAF, CaFamily.TLS, ID, DownloadFormat.P7B);

        assertThat(download.fileName()).isEqualTo(NAME + ".p7b");
        assertThat(download.contentType()).isEqualTo("application/pkcs7-mime; smime-type=certs-only");
        assertThat(p7bCertificates(download.content())).containsExactlyInAnyOrder(LEAF, ISSUING, ROOT);
        CMSSignedData signedData = new CMSSignedData(download.content());
        assertThat(signedData.getSignerInfos().size()).isZero();
        assertThat(signedData.getSignedContent()).isNull();
        assertThat(ASN1Primitive.fromByteArray(download.content()).getEncoded(ASN1Encoding.DER))
                .as("DER, not BER")
                .isEqualTo(download.content());
        // The JDK reads a .p7b as a certificate collection too (keytool -importcert does).
        assertThat(jdkCertificates(download.content())).containsExactlyInAnyOrder(LEAF, ISSUING, ROOT);

        Path file = Files.write(TestCa.directory("formats-p7b").resolve(download.fileName()), download.content());
        String printed = Openssl.ok("pkcs7", "-print_certs", "-inform", "DER", "-in", file.toString());
        assertThat(printed)
                .contains("subject=CN = *.shop.example.com")
                .contains("subject=C = JP, O = CertPortal Demo, CN = CertPortal TLS Issuing CA 2026")
                .contains("subject=C = JP, O = CertPortal Demo, CN = CertPortal TLS Root CA 2026");
        assertThat(printed.split("-----BEGIN CERTIFICATE-----", -1)).hasSize(4);
    }

    @Test
    void apacheIsAZipWithTheLeafAndTheIntermediateForSslCertificateChainFile() throws Exception {
        Download download = FORMATS.download(LEAF, CaFamily.TLS, ID, DownloadPlatform.APACHE);

        assertThat(download.fileName()).isEqualTo(NAME + ".zip");
        assertThat(download.contentType()).isEqualTo("application/zip");
        Map<String, byte[]> entries = unzip(download.content());
        assertThat(entries).containsOnlyKeys(NAME + ".crt", NAME + "_chain.crt");
        assertThat(pemCertificates(entries.get(NAME + ".crt"))).containsExactly(LEAF);
        assertThat(pemCertificates(entries.get(NAME + "_chain.crt"))).containsExactly(ISSUING);
        assertThat(FORMATS.download(LEAF, CaFamily.TLS, ID, DownloadPlatform.APACHE))
                .as("the same certificate downloads as the same bytes")
                .isEqualTo(download);
    }

    @Test
    void nginxIsTheFullChainLeafFirstWithoutTheRoot() throws Exception {
        Download download = FORMATS.download(LEAF, CaFamily.TLS, ID, DownloadPlatform.NGINX);

        assertThat(download.fileName()).isEqualTo(NAME + ".pem");
        assertThat(download.contentType()).isEqualTo("application/pem-certificate-chain");
        assertThat(pemCertificates(download.content())).containsExactly(LEAF, ISSUING);
    }

    @ParameterizedTest
    @EnumSource(
            value = DownloadPlatform.class,
            names = {"MICROSOFT_IIS", "TOMCAT"})
    void iisAndTomcatGetTheP7b(DownloadPlatform platform) {
        assertThat(FORMATS.download(LEAF, CaFamily.TLS, ID, platform))
                .isEqualTo(FORMATS.download(LEAF, CaFamily.TLS, ID, DownloadFormat.P7B));
    }

    @Test
    void otherGetsPemAll() {
        assertThat(FORMATS.download(LEAF, CaFamily.TLS, ID, DownloadPlatform.OTHER))
                .isEqualTo(FORMATS.download(LEAF, CaFamily.TLS, ID, DownloadFormat.PEM_ALL));
    }

    @ParameterizedTest
    @EnumSource(DownloadFormat.class)
    void everyFormatHoldsTheLeafAndAMenuName(DownloadFormat format) throws Exception {
        Download download = FORMATS.download(LEAF, CaFamily.TLS, ID, format);

        assertThat(download.fileName()).startsWith(NAME + ".");
        List<X509Certificate> certificates = format == DownloadFormat.P7B
                ? p7bCertificates(download.content())
                : jdkCertificates(download.content());
        assertThat(certificates).contains(LEAF);
        assertThat(DownloadFormat.fromKey(format.key())).contains(format);
        assertThat(format.messageKey()).isEqualTo("download.format." + format.key());
    }

    @Test
    void formatAndPlatformKeysAreTheUrlValues() {
        assertThat(DownloadFormat.values())
                .extracting(DownloadFormat::key)
                .containsExactly("pem_all", "pem_noroot", "pem_nointermediate", "crt", "der", "p7b");
        assertThat(DownloadPlatform.values())
                .extracting(DownloadPlatform::key)
                .containsExactly("apache", "nginx", "microsoft_iis", "tomcat", "other");
        assertThat(DownloadPlatform.values())
                .extracting(DownloadPlatform::messageKey)
                .containsExactly(
                        "platform.apache",
                        "platform.nginx",
                        "platform.microsoft_iis",
                        "platform.tomcat",
                        "platform.other");
        assertThat(DownloadFormat.fromKey("PEM_ALL")).isEmpty();
        assertThat(DownloadPlatform.fromKey("iis")).isEmpty();
    }

    @Test
    void everyFormatAndPlatformHasItsNameInBothLanguages() throws Exception {
        for (String bundle : List.of("messages.properties", "messages_ja.properties")) {
            Properties messages = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", bundle))) {
                messages.load(reader);
            }
            for (DownloadFormat format : DownloadFormat.values()) {
                assertThat(messages.getProperty(format.messageKey())).as(bundle).isNotBlank();
            }
            for (DownloadPlatform platform : DownloadPlatform.values()) {
                assertThat(messages.getProperty(platform.messageKey()))
                        .as(bundle)
                        .isNotBlank();
            }
        }
    }

    @Test
    void fileNamesAreSafeForEveryFileSystem() {
        assertThat(CertificateFormats.fileName("*.example.com", "42")).isEqualTo("star.example.com_42");
        assertThat(CertificateFormats.fileName("WWW.Example.COM", "42")).isEqualTo("www.example.com_42");
        assertThat(CertificateFormats.fileName("Example Corp, Ltd.", "42")).isEqualTo("example_corp__ltd._42");
        assertThat(CertificateFormats.fileName("株式会社例", "42")).isEqualTo("______42");
        assertThat(CertificateFormats.fileName("../../etc/passwd", "42")).isEqualTo("_._.._etc_passwd_42");
        assertThat(CertificateFormats.fileName(null, "C 7/8")).isEqualTo("certificate_C_7_8");
    }

    @Test
    void aCodeSigningCertificateIsNamedAfterItsOrganization() throws Exception {
        X509Certificate code = PkiFixtures.issue(
                CA,
                Product.CODE_SIGNING,
                TestKeys.rsa(3072),
                "Example Corp, Ltd.",
                List.of(),
                "Example Corp, Ltd.",
                ISSUED);

        Download download = FORMATS.download(code, CaFamily.CODE_SIGNING, "7", DownloadFormat.PEM_ALL);

        assertThat(download.fileName()).isEqualTo("example_corp__ltd._7.pem");
        assertThat(pemCertificates(download.content()))
                .containsExactly(code, CA.issuing(CaFamily.CODE_SIGNING), CA.root(CaFamily.CODE_SIGNING));
    }

    @Test
    void aCertificateOfAnotherFamilyIsRefused() {
        assertThatThrownBy(() -> FORMATS.download(LEAF, CaFamily.PRIVATE, ID, DownloadFormat.PEM_ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not issued by the PRIVATE issuing CA");
    }

    /** With BouncyCastle's PEM reader: every object must be a certificate. */
    private static List<X509Certificate> pemCertificates(byte[] pem) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                assertThat(object).isInstanceOf(X509CertificateHolder.class);
                certificates.add(Profiles.certificate((X509CertificateHolder) object));
            }
        }
        return certificates;
    }

    private static List<X509Certificate> jdkCertificates(byte[] content) throws Exception {
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content)).stream()
                .map(X509Certificate.class::cast)
                .toList();
    }

    private static List<X509Certificate> p7bCertificates(byte[] content) throws Exception {
        return new CMSSignedData(content)
                .getCertificates().getMatches(null).stream()
                        .map(Profiles::certificate)
                        .toList();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
