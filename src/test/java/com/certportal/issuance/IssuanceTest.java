package com.certportal.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.catalog.CertificateLifetime;
import com.certportal.catalog.Product;
import com.certportal.order.OrderStatus;
import com.certportal.pki.CertificateFields;
import com.certportal.pki.Openssl;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.OrderForm;
import com.certportal.support.Pages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * I1-I4 end to end, with tools nobody here wrote: a CSR made by `openssl req` is submitted on the request
 * form, its names are validated, the internal CA issues the certificate at once, and the chain downloaded
 * from the order page passes Java's PKIX path validation against the root and `openssl verify`, with the
 * names, purposes, key usage, AIA and CRL distribution point of the TLS profile.
 */
class IssuanceTest extends ActionIntegrationTest {

    private static final Pattern CERTIFICATE_ROW = Pattern.compile("data-certificate=\"([0-9]+)\"");
    private static final String PEM_END = "-----END CERTIFICATE-----";

    @Value("${certportal.pki.base-url}")
    private String pkiBaseUrl;

    private TestAccount account;
    private Path work;

    @BeforeEach
    void accountAndWorkDirectory() throws IOException {
        // openssl judges validity against the real time; the database keeps instants to the microsecond.
        clock.reset();
        clock.set(clock.instant().truncatedTo(ChronoUnit.MICROS));
        account = fixtures.newAccount();
        work = Files.createDirectories(Path.of("target", "issuance-openssl", account.tag()));
    }

    @Test
    void anOpensslCsrBecomesACertificateThatPkixAndOpensslVerify_I1_I2_I3_I4() throws Exception {
        String cn = "www.issue-" + account.tag() + ".example.com";
        Path key = work.resolve("www.key");
        Path csr = work.resolve("www.csr");
        String apex = "issue-" + account.tag() + ".example.com";
        Openssl.newKeyAndCsr("rsa:2048", cn, List.of(cn, apex), key, csr);
        String order = OrderForm.placedOrder(post(
                account.admin(),
                "/orders/new",
                OrderForm.submitting(Files.readString(csr))
                        .with("orderValidityYears", "2")
                        .pairs()));
        Instant validatedAt = clock.instant();

        fixtures.confirmEmailedLinks(order);

        // I4: issued at once, its first issue date the moment validation completed, recorded once.
        assertThat(state(order).status()).isEqualTo(OrderStatus.ISSUED);
        assertThat(state(order).firstIssuedAt()).isEqualTo(validatedAt);
        assertThat(history(order, AuditAction.ORDER_ISSUED))
                .singleElement()
                .extracting(AuditRecord::getOutcome)
                .isEqualTo(AuditRecord.Outcome.DONE);

        String page = Pages.main(body(get(account.admin(), "/orders/" + order)));
        Matcher row = CERTIFICATE_ROW.matcher(page);
        assertThat(row.find()).as("the certificate on the order page").isTrue();
        String certificateId = row.group(1);
        String chainPem = download(certificateId, "pem_all");
        List<X509Certificate> chain = CertificateFields.chain(chainPem);
        assertThat(chain).as("leaf, issuing CA, root").hasSize(3);
        X509Certificate leaf = chain.get(0);
        X509Certificate issuing = chain.get(1);
        X509Certificate root = chain.get(2);
        assertThat(CertificateFields.chain(download(certificateId, "crt"))).containsExactly(leaf);
        assertThat(page).contains(leaf.getSerialNumber().toString(16).toUpperCase(Locale.ROOT));

        // I1: Java's PKIX accepts the path with the root as the only trust anchor.
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(clock.instant()));
        PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, issuing)), parameters);
        assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(root);

        // I2: the TLS profile, under the configured public base URL.
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=" + cn);
        assertThat(CertificateFields.dnsNames(leaf)).containsExactly(cn, apex);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_serverAuth.getId());
        assertThat(leaf.getKeyUsage())
                .as("digitalSignature and keyEncipherment (an RSA key), nothing else")
                .containsExactly(true, false, true, false, false, false, false, false, false);
        assertThat(leaf.getBasicConstraints()).as("an end entity").isEqualTo(-1);
        String base = pkiBaseUrl.replaceAll("/+$", "");
        assertThat(CertificateFields.ocspUrls(leaf)).containsExactly(base + "/pki/ocsp/tls");
        assertThat(CertificateFields.caIssuerUrls(leaf)).containsExactly(base + "/pki/ca/tls.crt");
        assertThat(CertificateFields.crlUrls(leaf)).containsExactly(base + "/pki/crl/tls.crl");
        assertThat(leaf.getSerialNumber().signum()).isPositive();
        assertThat(leaf.getSerialNumber().bitLength())
                .as("20 random bytes at most, far beyond 64 bits")
                .isBetween(65, 159);

        // I3: a two-year plan gets a certificate of the day's maximum, not two years.
        assertThat(leaf.getNotBefore().toInstant()).isEqualTo(validatedAt.truncatedTo(ChronoUnit.SECONDS));
        assertThat(Duration.between(
                        leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                .isEqualTo(CertificateLifetime.maximumAt(Product.TLS_DV, validatedAt));

        // The same chain, judged by openssl.
        Path leafPem = write("leaf.pem", pemAt(chainPem, 0));
        Path issuingPem = write("issuing.pem", pemAt(chainPem, 1));
        Path rootPem = write("root.pem", pemAt(chainPem, 2));
        String verified = Openssl.ok(
                "verify", "-CAfile", rootPem.toString(), "-untrusted", issuingPem.toString(), leafPem.toString());
        assertThat(verified.strip()).isEqualTo(leafPem + ": OK");
        String asServer = Openssl.ok(
                "verify",
                "-purpose",
                "sslserver",
                "-CAfile",
                rootPem.toString(),
                "-untrusted",
                issuingPem.toString(),
                leafPem.toString());
        assertThat(asServer.strip()).isEqualTo(leafPem + ": OK");
        assertThat(Openssl.ok("x509", "-noout", "-text", "-in", leafPem.toString()))
                .contains("DNS:" + cn + ", DNS:" + apex)
                .contains("TLS Web Server Authentication")
                .doesNotContain("TLS Web Client Authentication")
                .contains("Digital Signature, Key Encipherment")
                .contains("CA:FALSE")
                .contains("OCSP - URI:" + base + "/pki/ocsp/tls")
                .contains("CA Issuers - URI:" + base + "/pki/ca/tls.crt")
                .contains("URI:" + base + "/pki/crl/tls.crl");
        assertThat(Openssl.ok("x509", "-noout", "-pubkey", "-in", leafPem.toString()))
                .as("the certificate is for the key openssl made, which never left its directory")
                .isEqualTo(Openssl.ok("pkey", "-pubout", "-in", key.toString()));
    }

    private String download(String certificateId, String format) {
        MvcTestResult result = get(account.admin(), "/certificates/" + certificateId + "/download?format=" + format);
        assertThat(result).hasStatusOk();
        return body(result);
    }

    /** The {@code index}th certificate of a PEM chain, as its own PEM text. */
    private static String pemAt(String chain, int index) {
        String[] parts = chain.split(PEM_END);
        return parts[index].strip() + "\n" + PEM_END + "\n";
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content);
    }
}
