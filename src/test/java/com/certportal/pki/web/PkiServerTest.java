package com.certportal.pki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.certportal.account.ActiveMembers;
import com.certportal.audit.AuditTrail;
import com.certportal.pki.CaFamily;
import com.certportal.pki.CertificateAuthority;
import com.certportal.pki.CrlIssuer;
import com.certportal.pki.InMemoryCertificateStatus;
import com.certportal.pki.OcspResponder;
import com.certportal.pki.Openssl;
import com.certportal.pki.PkiFixtures;
import com.certportal.pki.PkiProperties;
import com.certportal.pki.RootCrls;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateRevokedException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * D2 against a running server (Tomcat, the portal's own security configuration) and the relying
 * parties' own tools: {@code openssl ocsp} and {@code openssl verify -crl_check} agree with the
 * status the portal keeps before and after a revocation, and the JDK's own OCSP client (which asks
 * by GET with %2F in the URL) gets its answers without sign-in, token or session.
 */
@SpringBootTest(classes = PkiServerTest.Server.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PkiServerTest {

    @LocalServerPort
    private int port;

    @Autowired
    private CertificateAuthority ca;

    @Autowired
    private InMemoryCertificateStatus statuses;

    @Autowired
    private List<String> ocspRequests;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Path work = directory();

    @Test
    void opensslOcspSaysGoodThenRevokedWithTheReason() throws Exception {
        X509Certificate leaf = issue("ocsp.example.com");
        Path leafPem = write("leaf.pem", PkiFixtures.pem(leaf));

        String good = ocsp(leafPem);
        assertThat(good).contains("Response verify OK").contains(leafPem + ": good");

        statuses.revoke(CaFamily.TLS, leaf.getSerialNumber(), Instant.now(), 1);
        String revoked = ocsp(leafPem);
        assertThat(revoked)
                .contains("Response verify OK")
                .contains(leafPem + ": revoked")
                .contains("Reason: keyCompromise")
                .contains("Revocation Time: ");
    }

    @Test
    void opensslOcspSeesNoReasonForAnUnspecifiedRevocation() throws Exception {
        X509Certificate leaf = issue("unspecified.example.com");
        Path leafPem = write("leaf.pem", PkiFixtures.pem(leaf));
        statuses.revoke(CaFamily.TLS, leaf.getSerialNumber(), Instant.now(), 0);

        String revoked = ocsp(leafPem);

        assertThat(revoked)
                .contains(leafPem + ": revoked")
                .contains("Revocation Time: ")
                .doesNotContain("Reason:");
    }

    @Test
    void opensslVerifyWithTheCrlSaysOkThenCertificateRevoked() throws Exception {
        X509Certificate leaf = issue("crl.example.com");
        Path leafPem = write("leaf.pem", PkiFixtures.pem(leaf));

        Openssl.Result before = verify(leafPem, "-crl_check");
        assertThat(before.exit()).isZero();
        assertThat(before.output().strip()).isEqualTo(leafPem + ": OK");
        Openssl.Result wholeChain = verify(leafPem, "-crl_check_all");
        assertThat(wholeChain.output().strip())
                .as("the root's CRL clears the issuing CA")
                .isEqualTo(leafPem + ": OK");

        statuses.revoke(CaFamily.TLS, leaf.getSerialNumber(), Instant.now(), 4);
        Openssl.Result after = verify(leafPem, "-crl_check");
        assertThat(after.exit()).isNotZero();
        assertThat(after.output()).contains("error 23 at 0 depth lookup: certificate revoked");
        assertThat(Openssl.ok("crl", "-in", work.resolve("crl.pem").toString(), "-noout", "-text"))
                .contains("Serial Number: " + serialHex(leaf))
                .contains("Superseded");
    }

    @Test
    void theJdksOwnOcspClientAsksByGetWithEncodedSlashesAndSeesTheRevocation() throws Exception {
        X509Certificate leaf = null;
        // Java URL-encodes the base64 request: a "/" in it arrives as %2F. Most requests hold one;
        // issue until one does, so that this path is the one proven.
        for (int attempt = 0; attempt < 40 && !ocspRequests.stream().anyMatch(r -> r.contains("%2F")); attempt++) {
            ocspRequests.clear();
            leaf = issue("java" + attempt + ".example.com");
            javaValidates(leaf);
        }
        assertThat(ocspRequests)
                .singleElement()
                .satisfies(request ->
                        assertThat(request).startsWith("GET /pki/ocsp/tls/").contains("%2F"));

        statuses.revoke(CaFamily.TLS, leaf.getSerialNumber(), Instant.now(), 1);
        X509Certificate revoked = leaf;
        assertThatThrownBy(() -> javaValidates(revoked))
                .isInstanceOf(CertPathValidatorException.class)
                .satisfies(e -> {
                    CertPathValidatorException refused = (CertPathValidatorException) e;
                    assertThat(refused.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED);
                    assertThat(((CertificateRevokedException) refused.getCause()).getRevocationReason())
                            .isEqualTo(CRLReason.KEY_COMPROMISE);
                });
    }

    @Test
    void anOcspGetPassesTomcatAndTheFirewallWithSlashesEncodedOrRaw() throws Exception {
        X509Certificate leaf = issue("get.example.com");
        String base64 = "";
        for (int i = 0; !base64.contains("/"); i++) {
            BigInteger serial = leaf.getSerialNumber().add(BigInteger.valueOf(i));
            statuses.issued(CaFamily.TLS, serial);
            base64 = Base64.getEncoder().encodeToString(request(serial));
        }

        HttpResponse<byte[]> encoded = get("/pki/ocsp/tls/" + URLEncoder.encode(base64, StandardCharsets.US_ASCII));
        HttpResponse<byte[]> raw = get("/pki/ocsp/tls/" + base64);

        for (HttpResponse<byte[]> response : List.of(encoded, raw)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
            OCSPResp parsed = new OCSPResp(response.body());
            assertThat(parsed.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
            assertThat(((BasicOCSPResp) parsed.getResponseObject()).getResponses()[0].getCertStatus())
                    .isSameAs(CertificateStatus.GOOD);
            // Until nextUpdate, an hour after the answer was signed (the second request reuses it).
            assertThat(response.headers().firstValue("Cache-Control").orElseThrow())
                    .matches("max-age=3[56]\\d\\d, must-revalidate, no-transform, public");
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
        // Everywhere else an encoded slash is still refused, as before.
        assertThat(get("/pki/ca/tls%2F.crt").statusCode()).isEqualTo(400);
        assertThat(get("/orders%2Fx").statusCode()).isEqualTo(400);
        assertThat(get("/pki/ocsp/tls/..%2F..%2Forders").statusCode()).isEqualTo(400);
    }

    @Test
    void thePublicFilesNeedNoSignInAndKeepTheirCacheHeaders() throws Exception {
        HttpResponse<byte[]> root = get("/pki/ca/tls-root.crt");
        HttpResponse<byte[]> crl = get("/pki/crl/tls.crl");

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).isEqualTo(ca.root(CaFamily.TLS).getEncoded());
        assertThat(root.headers().firstValue("Cache-Control")).hasValue("max-age=86400, no-transform, public");
        assertThat(root.headers().firstValue("Pragma")).isEmpty();
        assertThat(root.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(crl.statusCode()).isEqualTo(200);
        assertThat(crl.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        HttpResponse<byte[]> notModified = http.send(
                HttpRequest.newBuilder(url("/pki/ca/tls-root.crt"))
                        .header(
                                "If-None-Match",
                                root.headers().firstValue("ETag").orElseThrow())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(notModified.statusCode()).isEqualTo(304);
        // The rest of the portal still asks for sign-in.
        assertThat(get("/orders").statusCode()).isEqualTo(302);
    }

    private void javaValidates(X509Certificate leaf) throws Exception {
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOcspResponder(url("/pki/ocsp/tls"));
        checker.setOptions(
                EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY, PKIXRevocationChecker.Option.NO_FALLBACK));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.root(CaFamily.TLS), null)));
        parameters.addCertPathChecker(checker);
        validator.validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, ca.issuing(CaFamily.TLS))),
                parameters);
    }

    private String ocsp(Path leafPem) throws IOException {
        return Openssl.ocsp(
                write("issuing.pem", PkiFixtures.pem(ca.issuing(CaFamily.TLS))),
                leafPem,
                url("/pki/ocsp/tls").toString(),
                write("root.pem", PkiFixtures.pem(ca.root(CaFamily.TLS))));
    }

    /** openssl verify with both CRLs as fetched from the server (DER, converted to PEM by openssl). */
    private Openssl.Result verify(Path leafPem, String crlCheck) throws Exception {
        Path crl = Openssl.pemFromDer("crl", fetch("/pki/crl/tls.crl", "crl.der"), work.resolve("crl.pem"));
        Path rootCrl =
                Openssl.pemFromDer("crl", fetch("/pki/crl/tls-root.crl", "root-crl.der"), work.resolve("root-crl.pem"));
        Path crls = write("crls.pem", Files.readString(crl) + Files.readString(rootCrl));
        return Openssl.verifyWithCrl(
                crlCheck,
                write("root.pem", PkiFixtures.pem(ca.root(CaFamily.TLS))),
                write("issuing.pem", PkiFixtures.pem(ca.issuing(CaFamily.TLS))),
                crls,
                leafPem);
    }

    private Path fetch(String path, String file) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return Files.write(work.resolve(file), response.body());
    }

    /** As openssl prints a serial: upper-case hex, an even number of digits. */
    private static String serialHex(X509Certificate certificate) {
        String hex = certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    private X509Certificate issue(String name) {
        X509Certificate leaf = PkiFixtures.tls(ca, name, Instant.now());
        statuses.issued(CaFamily.TLS, leaf.getSerialNumber());
        return leaf;
    }

    private byte[] request(BigInteger serial) throws Exception {
        CertificateID id = new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(ca.issuing(CaFamily.TLS).getEncoded()),
                serial);
        return new OCSPReqBuilder().addRequest(id).build().getEncoded();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(work.resolve(name), text);
    }

    private static Path directory() {
        try {
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pki-server-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Just the web server, the portal's security configuration and the CA's public endpoints: no
     * database. The CA lives on the real clock, because openssl and the JDK judge dates by it. A plain
     * configuration, not a SpringBootConfiguration: the shared integration tests look for one in their
     * own package, and one in this package would be found by any of them written here.
     */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class
    })
    @ComponentScan(
            basePackages = "com.certportal.web",
            useDefaultFilters = false,
            includeFilters =
                    @ComponentScan.Filter(
                            type = FilterType.REGEX,
                            pattern = "com\\.certportal\\.web\\.SecurityConfiguration"))
    @Import({
        CaCertificateController.class,
        CrlController.class,
        OcspController.class,
        OcspGetSupport.class,
        OcspResponder.class,
        CrlIssuer.class,
        RootCrls.class
    })
    static class Server {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        PkiProperties pkiProperties() {
            return new PkiProperties(URI.create("https://pki.certportal.example"));
        }

        @Bean
        CertificateAuthority certificateAuthority(Clock clock) {
            return PkiFixtures.ca("server", clock);
        }

        @Bean
        InMemoryCertificateStatus statuses(CrlIssuer crls, Clock clock) {
            return new InMemoryCertificateStatus(crls, clock);
        }

        @Bean
        AuditTrail auditTrail() {
            return Mockito.mock(AuditTrail.class);
        }

        /** Relying parties never sign in: the members' per-request check has nothing to do here. */
        @Bean
        ActiveMembers activeMembers() {
            return Mockito.mock(ActiveMembers.class);
        }

        @Bean
        List<String> ocspRequests() {
            return new CopyOnWriteArrayList<>();
        }

        /** Remembers how each OCSP request arrived, as the client sent it (method and raw URI). */
        @Bean
        FilterRegistrationBean<Filter> ocspRequestLog(List<String> ocspRequests) {
            Filter filter = (request, response, chain) -> {
                HttpServletRequest http = (HttpServletRequest) request;
                if (http.getRequestURI().startsWith("/pki/ocsp/")) {
                    ocspRequests.add(http.getMethod() + " " + http.getRequestURI());
                }
                chain.doFilter(request, response);
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
