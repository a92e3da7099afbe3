package com.certportal.pki;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.CertificateLifetime;
import com.certportal.catalog.Product;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * O2, I1, I2 against the reference tool: CSRs made by the openssl command line pass the checks,
 * and openssl verifies what the CA issues from them up to the root and reads its profile.
 */
class OpensslInteropTest {

    private static final Logger log = LoggerFactory.getLogger(OpensslInteropTest.class);

    /** openssl verify judges validity against the real time, so this CA lives on the real clock. */
    private static final Clock CLOCK = Clock.systemUTC();

    private static final CertificateAuthority CA = new CertificateAuthority(
            TestCa.demo(TestCa.directory("openssl-ca")), new PkiProperties(TestCa.BASE_URL), CLOCK);

    private final Path work = TestCa.directory("openssl");

    @Test
    void anOpensslRsaCsrIsCheckedIssuedAndVerifiedByOpenssl() throws Exception {
        Path key = work.resolve("www.key");
        Path csr = work.resolve("www.csr");
        Openssl.newKeyAndCsr("rsa:2048", "www.example.com", List.of("www.example.com", "example.com"), key, csr);

        CheckedCsr checked = Csrs.check(Files.readAllBytes(csr), Product.TLS_DV);
        assertThat(checked.names()).containsExactly("www.example.com", "example.com");
        assertThat(checked.keyAlgorithm()).isEqualTo("RSA");
        assertThat(checked.keySize()).isEqualTo(2048);
        IssuedCertificate issued = issue(checked, Product.TLS_DV);
        Path leaf = writeChain(issued, CaFamily.TLS, "www");

        String verified = openssl(
                "verify",
                "-CAfile",
                work.resolve("root.pem").toString(),
                "-untrusted",
                work.resolve("issuing.pem").toString(),
                leaf.toString());
        assertThat(verified.strip()).endsWith(": OK");
        String asServer = openssl(
                "verify",
                "-purpose",
                "sslserver",
                "-CAfile",
                work.resolve("root.pem").toString(),
                "-untrusted",
                work.resolve("issuing.pem").toString(),
                leaf.toString());
        assertThat(asServer.strip()).endsWith(": OK");

        String text = openssl("x509", "-noout", "-text", "-in", leaf.toString());
        assertThat(text)
                .contains("TLS Web Server Authentication")
                .doesNotContain("TLS Web Client Authentication")
                .contains("DNS:www.example.com, DNS:example.com")
                .contains("Digital Signature, Key Encipherment")
                .contains("CA:FALSE")
                .contains("OCSP - URI:https://pki.certportal.example/pki/ocsp/tls")
                .contains("CA Issuers - URI:https://pki.certportal.example/pki/ca/tls.crt")
                .contains("URI:https://pki.certportal.example/pki/crl/tls.crl")
                .contains("Subject: CN = www.example.com")
                .contains("Issuer: C = JP, O = CertPortal Demo, CN = CertPortal TLS Issuing CA")
                .contains("Signature Algorithm: ecdsa-with-SHA384");
        assertThat(openssl("x509", "-noout", "-serial", "-in", leaf.toString()).strip())
                .isEqualTo("serial=" + issued.serialHex());
        // The private key that openssl made never came near the portal: only the CSR did.
        assertThat(Files.readString(csr)).doesNotContain("PRIVATE KEY");
    }

    @Test
    void anOpensslEcP256CsrIsCheckedIssuedAndVerifiedByOpenssl() throws Exception {
        Path csr = work.resolve("shop.csr");
        openssl(
                "req",
                "-new",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-subj",
                "/CN=Shop.Example.com",
                "-addext",
                "subjectAltName=DNS:shop.example.com,DNS:*.shop.example.com",
                "-keyout",
                work.resolve("shop.key").toString(),
                "-out",
                csr.toString());

        CheckedCsr checked = Csrs.check(Files.readString(csr), Product.TLS_OV);
        assertThat(checked.names()).containsExactly("shop.example.com", "*.shop.example.com");
        assertThat(checked.keyAlgorithm()).isEqualTo("EC");
        assertThat(checked.keySize()).isEqualTo(256);
        Path leaf = writeChain(issue(checked, Product.TLS_OV), CaFamily.TLS, "shop");

        String verified = openssl(
                "verify",
                "-purpose",
                "sslserver",
                "-CAfile",
                work.resolve("root.pem").toString(),
                "-untrusted",
                work.resolve("issuing.pem").toString(),
                leaf.toString());
        assertThat(verified.strip()).endsWith(": OK");
        assertThat(openssl("x509", "-noout", "-text", "-in", leaf.toString()))
                .contains("DNS:shop.example.com, DNS:*.shop.example.com")
                .contains("Subject: C = JP, O = Example Shop K.K., CN = shop.example.com")
                .contains("Digital Signature")
                .doesNotContain("Key Encipherment")
                .contains("NIST CURVE: P-256");
    }

    @Test
    void anOpensslCodeSigningCsrGetsACodeSigningCertificate() throws Exception {
        Path csr = work.resolve("code.csr");
        openssl(
                "req",
                "-new",
                "-newkey",
                "rsa:3072",
                "-nodes",
                "-subj",
                "/CN=Example Corp",
                "-keyout",
                work.resolve("code.key").toString(),
                "-out",
                csr.toString());

        CheckedCsr checked = Csrs.check(Files.readString(csr), Product.CODE_SIGNING);
        Path leaf = writeChain(issue(checked, Product.CODE_SIGNING), CaFamily.CODE_SIGNING, "code");

        String verified = openssl(
                "verify",
                "-CAfile",
                work.resolve("root.pem").toString(),
                "-untrusted",
                work.resolve("issuing.pem").toString(),
                leaf.toString());
        assertThat(verified.strip()).endsWith(": OK");
        assertThat(openssl("x509", "-noout", "-text", "-in", leaf.toString()))
                .contains("Code Signing")
                .contains("URI:https://pki.certportal.example/pki/crl/code-signing.crl");
    }

    private static IssuedCertificate issue(CheckedCsr csr, Product product) {
        Instant now = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS);
        String organization = product.validation() == Product.Validation.DV ? null : organizationOf(csr);
        return CA.issue(new IssueRequest(
                product,
                csr.publicKey(),
                csr.commonName(),
                csr.names(),
                organization,
                now,
                CertificateLifetime.notAfter(product, now, now.plus(Duration.ofDays(365)))));
    }

    private static String organizationOf(CheckedCsr csr) {
        return csr.names().isEmpty() ? csr.commonName() : "Example Shop K.K.";
    }

    /** root.pem, issuing.pem and {name}.pem under the work directory; returns the leaf's path. */
    private Path writeChain(IssuedCertificate issued, CaFamily family, String name) throws IOException {
        Files.writeString(work.resolve("root.pem"), Profiles.pem(CA.root(family)));
        Files.writeString(work.resolve("issuing.pem"), Profiles.pem(CA.issuing(family)));
        Path leaf = work.resolve(name + ".pem");
        Files.writeString(leaf, issued.pem());
        return leaf;
    }

    private static String openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        log.info("$ {}\n{}", String.join(" ", command), output);
        assertThat(exit).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
