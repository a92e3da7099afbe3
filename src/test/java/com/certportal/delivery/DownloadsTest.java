package com.certportal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.order.Certificate;
import com.certportal.pki.CaFamily;
import com.certportal.pki.CertificateAuthority;
import com.certportal.pki.DownloadFormat;
import com.certportal.pki.DownloadPlatform;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * D1, K3: a member's certificate downloads through the web layer, on PostgreSQL, in every format and
 * for every server platform; what another account or a user who cannot see the order gets; a revoked
 * certificate still downloads.
 */
class DownloadsTest extends ActionIntegrationTest {

    @Autowired
    private CertificateAuthority ca;

    private TestAccount account;
    private String cn;
    private String order;
    private String certificateId;
    private X509Certificate leaf;
    private X509Certificate issuing;
    private X509Certificate root;

    @BeforeEach
    void anIssuedOrder() throws Exception {
        clock.set(Instant.parse("2026-07-01T01:00:00Z"));
        account = fixtures.newAccount();
        cn = "dl-" + account.tag() + ".example.com";
        order = fixtures.validatedAndIssued(account.admin(), cn, Fixtures.freshKey());
        Certificate certificate =
                fixtures.withOrder(order, o -> o.getCertificates().get(0));
        certificateId = certificate.getCertificateId();
        leaf = parse(certificate.getPem().getBytes(StandardCharsets.US_ASCII)).get(0);
        issuing = ca.issuing(CaFamily.TLS);
        root = ca.root(CaFamily.TLS);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "format,   pem_all,            pem, application/pem-certificate-chain",
        "format,   pem_noroot,         pem, application/pem-certificate-chain",
        "format,   pem_nointermediate, pem, application/pem-certificate-chain",
        "format,   crt,                crt, application/pem-certificate-chain",
        "format,   der,                der, application/pkix-cert",
        "format,   p7b,                p7b, application/pkcs7-mime;smime-type=certs-only",
        "platform, apache,             zip, application/zip",
        "platform, nginx,              pem, application/pem-certificate-chain",
        "platform, microsoft_iis,      p7b, application/pkcs7-mime;smime-type=certs-only",
        "platform, tomcat,             p7b, application/pkcs7-mime;smime-type=certs-only",
        "platform, other,              pem, application/pem-certificate-chain",
    })
    void d1EveryFormatAndPlatformDownloadsTheRightCertificatesUnderTheirFileName(
            String parameter, String value, String extension, String contentType) throws Exception {
        MvcTestResult result = get(account.admin(), download(parameter + "=" + value));

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType().replace(" ", "")).isEqualTo(contentType);
        String fileName = "dl-" + account.tag() + ".example.com_" + certificateId + "." + extension;
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + fileName + "\"");
        assertThat(result.getResponse().getHeader("X-Certificate-Status")).isEqualTo("valid");
        byte[] content = result.getResponse().getContentAsByteArray();
        if (extension.equals("p7b")) {
            // A PKCS#7 SET OF certificates has no order of its own.
            assertThat(certificatesIn(value, content)).containsExactlyInAnyOrderElementsOf(expected(value));
        } else {
            assertThat(certificatesIn(value, content)).containsExactlyElementsOf(expected(value));
        }
    }

    @Test
    void d1EveryFormatAndPlatformOfTheEnumsIsCoveredByTheParameterizedTest() {
        // The table above names the URL values; a new format or platform must join it.
        assertThat(List.of(DownloadFormat.values()))
                .extracting(DownloadFormat::key)
                .containsExactly("pem_all", "pem_noroot", "pem_nointermediate", "crt", "der", "p7b");
        assertThat(List.of(DownloadPlatform.values()))
                .extracting(DownloadPlatform::key)
                .containsExactly("apache", "nginx", "microsoft_iis", "tomcat", "other");
    }

    @Test
    void d1AnotherAccountsCertificateIsNotFoundLikeAnUnknownId() {
        TestAccount other = fixtures.newAccount();
        String unknownId = "9" + certificateId + "0";

        MvcTestResult foreign = get(other.admin(), download("format=pem_all"));
        MvcTestResult unknown = get(other.admin(), "/certificates/" + unknownId + "/download?format=pem_all");

        assertThat(foreign).hasStatus(404);
        assertThat(unknown).hasStatus(404);
        assertThat(main(foreign).replace(certificateId, "{id}"))
                .as("nothing tells the certificate exists")
                .isEqualTo(main(unknown).replace(unknownId, "{id}"));
        assertThat(body(foreign)).doesNotContain("BEGIN CERTIFICATE").doesNotContain(cn);
    }

    @Test
    void d1AUserWhoCannotSeeTheOrderGetsNotFound() throws Exception {
        // A user sees only the orders they requested; this one is the administrator's.
        assertThat(get(account.user(), "/orders/" + order)).hasStatus(404);
        MvcTestResult result = get(account.user(), download("format=der"));

        assertThat(result).hasStatus(404);
        assertThat(result.getResponse().getContentAsByteArray()).isNotEqualTo(leaf.getEncoded());
    }

    @Test
    void d1ARevokedCertificateStillDownloadsAndTheOrderPageMarksItRevoked() throws Exception {
        revokedNow(account.admin(), order, "cessation_of_operation");

        MvcTestResult result = get(account.admin(), download("format=crt"));

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("X-Certificate-Status")).isEqualTo("revoked");
        assertThat(parse(result.getResponse().getContentAsByteArray())).containsExactly(leaf);
        String page = body(get(account.admin(), "/orders/" + order));
        assertThat(page)
                .contains("data-certificate=\"" + certificateId + "\" data-lifecycle=\"revoked\"")
                .contains(shown("certificate.download.revoked"));
    }

    @ParameterizedTest
    @CsvSource({
        "format=pem",
        "format=PEM_ALL",
        "platform=iis",
        "platform=",
        "format=der&platform=nginx",
        "''",
    })
    void d1AnUnknownFormatOrPlatformIsABadRequestNeverAServerError(String query) {
        MvcTestResult result = get(account.admin(), download(query));

        assertThat(result).hasStatus(400);
        assertThat(body(result)).doesNotContain("BEGIN CERTIFICATE");
    }

    private String download(String query) {
        return "/certificates/" + certificateId + "/download" + (query.isEmpty() ? "" : "?" + query);
    }

    /** D1: what each format and platform holds, leaf first. */
    private List<X509Certificate> expected(String value) {
        return switch (value) {
            case "pem_all", "other", "p7b", "microsoft_iis", "tomcat" -> List.of(leaf, issuing, root);
            case "pem_noroot", "nginx", "apache" -> List.of(leaf, issuing);
            case "pem_nointermediate" -> List.of(leaf, root);
            case "crt", "der" -> List.of(leaf);
            default -> throw new IllegalArgumentException(value);
        };
    }

    private List<X509Certificate> certificatesIn(String value, byte[] content) throws Exception {
        return switch (value) {
            case "p7b", "microsoft_iis", "tomcat" -> p7b(content);
            case "apache" -> {
                Map<String, byte[]> entries = unzip(content);
                String name = "dl-" + account.tag() + ".example.com_" + certificateId;
                assertThat(entries).containsOnlyKeys(name + ".crt", name + "_chain.crt");
                yield List.of(
                        parse(entries.get(name + ".crt")).get(0),
                        parse(entries.get(name + "_chain.crt")).get(0));
            }
            case "der" -> {
                assertThat(content).isEqualTo(leaf.getEncoded());
                yield parse(content);
            }
            default -> {
                assertThat(new String(content, StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----");
                yield parse(content);
            }
        };
    }

    private static List<X509Certificate> parse(byte[] content) throws Exception {
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content)).stream()
                .map(X509Certificate.class::cast)
                .toList();
    }

    /** With BouncyCastle's CMS reader: a certs-only SignedData. */
    private static List<X509Certificate> p7b(byte[] content) throws Exception {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        CMSSignedData data = new CMSSignedData(content);
        assertThat(data.getSignerInfos().size()).isZero();
        List<X509Certificate> certificates = new java.util.ArrayList<>();
        for (X509CertificateHolder holder : data.getCertificates().getMatches(null)) {
            certificates.add(converter.getCertificate(holder));
        }
        return certificates;
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

    private static String main(MvcTestResult result) {
        return Pages.main(body(result));
    }
}
