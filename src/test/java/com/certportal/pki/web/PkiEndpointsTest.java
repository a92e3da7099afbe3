package com.certportal.pki.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.pki.CaFamily;
import com.certportal.pki.CertificateAuthority;
import com.certportal.pki.CrlIssuer;
import com.certportal.pki.InMemoryCertificateStatus;
import com.certportal.pki.OcspResponder;
import com.certportal.pki.PkiFixtures;
import com.certportal.pki.PkiProperties;
import com.certportal.pki.RootCrls;
import com.certportal.support.MutableClock;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * D2: the CA's public endpoints on their controllers (standalone MockMvc, real CA): paths as the
 * certificates name them, media types, caching, ETag and 304, OCSP over POST and GET.
 */
class PkiEndpointsTest {

    private static final CertificateAuthority CA = PkiFixtures.ca("endpoints");
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final X509Certificate LEAF = PkiFixtures.tls(CA, "www.example.com", NOW.minusSeconds(3600));

    private final MutableClock clock = new MutableClock(NOW);
    private final CrlIssuer crls = new CrlIssuer(CA);
    private final InMemoryCertificateStatus statuses = new InMemoryCertificateStatus(crls, clock);
    private final MockMvcTester mvc = MockMvcTester.of(
            new CaCertificateController(CA),
            new CrlController(statuses, new RootCrls(crls, clock), clock),
            new OcspController(
                    new OcspResponder(CA, new PkiProperties(URI.create("https://pki.certportal.example"))),
                    statuses,
                    clock));

    PkiEndpointsTest() {
        statuses.issued(CaFamily.TLS, LEAF.getSerialNumber());
    }

    @Test
    void theIssuingCaIsAtTheLeafsAiaUrlAndTheRootAtTheIssuingCasInDer() throws Exception {
        MockHttpServletResponse issuing = get(path(caIssuers(LEAF)));
        MockHttpServletResponse root = get(path(caIssuers(CA.issuing(CaFamily.TLS))));

        assertThat(path(caIssuers(LEAF))).isEqualTo("/pki/ca/tls.crt");
        assertThat(issuing.getStatus()).isEqualTo(200);
        assertThat(issuing.getContentType()).isEqualTo("application/pkix-cert");
        assertThat(issuing.getContentAsByteArray())
                .isEqualTo(CA.issuing(CaFamily.TLS).getEncoded());
        assertThat(issuing.getHeader("Cache-Control")).isEqualTo("max-age=86400, no-transform, public");
        assertThat(issuing.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"tls.crt\"");
        assertThat(issuing.getHeader("ETag")).matches("\"[A-Za-z0-9_-]{43}\"");
        assertThat(root.getContentAsByteArray()).isEqualTo(CA.root(CaFamily.TLS).getEncoded());
        assertThat(root.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"tls-root.crt\"");
    }

    @ParameterizedTest
    @EnumSource(CaFamily.class)
    void everyFamilyPublishesBothCaCertificatesAndBothCrls(CaFamily family) throws Exception {
        assertThat(get("/pki/ca/" + family.key() + ".crt").getContentAsByteArray())
                .isEqualTo(CA.issuing(family).getEncoded());
        assertThat(get("/pki/ca/" + family.key() + "-root.crt").getContentAsByteArray())
                .isEqualTo(CA.root(family).getEncoded());
        X509CRL issuingCrl = crl(get("/pki/crl/" + family.key() + ".crl").getContentAsByteArray());
        issuingCrl.verify(CA.issuing(family).getPublicKey());
        X509CRL rootCrl = crl(get("/pki/crl/" + family.key() + "-root.crl").getContentAsByteArray());
        rootCrl.verify(CA.root(family).getPublicKey());
    }

    @Test
    void theCrlIsAtTheLeafsDistributionPointAndTheRootsAtTheIssuingCas() throws Exception {
        assertThat(path(crlDistributionPoint(LEAF))).isEqualTo("/pki/crl/tls.crl");
        assertThat(path(crlDistributionPoint(CA.issuing(CaFamily.TLS)))).isEqualTo("/pki/crl/tls-root.crl");

        MockHttpServletResponse crl = get(path(crlDistributionPoint(LEAF)));
        assertThat(crl.getStatus()).isEqualTo(200);
        assertThat(crl.getContentType()).isEqualTo("application/pkix-crl");
        assertThat(crl.getContentAsByteArray()).isEqualTo(statuses.currentCrl(CaFamily.TLS));
        assertThat(crl.getHeader("Cache-Control")).isEqualTo("max-age=60, no-transform, public");
        assertThat(crl.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"tls.crl\"");

        MockHttpServletResponse rootCrl = get(path(crlDistributionPoint(CA.issuing(CaFamily.TLS))));
        assertThat(rootCrl.getContentType()).isEqualTo("application/pkix-crl");
        assertThat(rootCrl.getHeader("Cache-Control")).isEqualTo("max-age=3600, no-transform, public");
        assertThat(crl(rootCrl.getContentAsByteArray()).getIssuerX500Principal())
                .isEqualTo(CA.root(CaFamily.TLS).getSubjectX500Principal());
    }

    @Test
    void aCrlIsNeverCachedPastItsNextUpdate() throws Exception {
        X509CRL crl = crl(statuses.currentCrl(CaFamily.TLS));
        clock.set(crl.getNextUpdate().toInstant().minusSeconds(25));

        assertThat(get("/pki/crl/tls.crl").getHeader("Cache-Control")).isEqualTo("max-age=25, no-transform, public");
        clock.set(crl.getNextUpdate().toInstant().plusSeconds(5));
        assertThat(get("/pki/crl/tls.crl").getHeader("Cache-Control")).isEqualTo("max-age=0, no-transform, public");
    }

    @Test
    void aRevocationShowsInTheNextCrlUnderANewEtag() throws Exception {
        MockHttpServletResponse before = get("/pki/crl/tls.crl");
        assertThat(crl(before.getContentAsByteArray()).isRevoked(LEAF)).isFalse();

        clock.advance(Duration.ofSeconds(10));
        statuses.revoke(CaFamily.TLS, LEAF.getSerialNumber(), clock.instant(), 1);
        MockHttpServletResponse after = mvc.get()
                .uri("/pki/crl/tls.crl")
                .header("If-None-Match", before.getHeader("ETag"))
                .exchange()
                .getResponse();

        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(after.getHeader("ETag")).isNotEqualTo(before.getHeader("ETag"));
        assertThat(crl(after.getContentAsByteArray()).isRevoked(LEAF)).isTrue();
    }

    @Test
    void aGetThatAlreadyHasTheBytesIsAnsweredNotModified() throws Exception {
        String etag = get("/pki/ca/tls-root.crt").getHeader("ETag");

        for (String ifNoneMatch : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            MockHttpServletResponse notModified = mvc.get()
                    .uri("/pki/ca/tls-root.crt")
                    .header("If-None-Match", ifNoneMatch)
                    .exchange()
                    .getResponse();
            assertThat(notModified.getStatus()).as(ifNoneMatch).isEqualTo(304);
            assertThat(notModified.getContentAsByteArray()).isEmpty();
            assertThat(notModified.getHeader("ETag")).isEqualTo(etag);
            assertThat(notModified.getHeader("Cache-Control")).isEqualTo("max-age=86400, no-transform, public");
        }
        MockHttpServletResponse changed = mvc.get()
                .uri("/pki/ca/tls-root.crt")
                .header("If-None-Match", "\"something-else\"")
                .exchange()
                .getResponse();
        assertThat(changed.getStatus()).isEqualTo(200);
        MockHttpServletResponse crl = mvc.get()
                .uri("/pki/crl/tls.crl")
                .header("If-None-Match", get("/pki/crl/tls.crl").getHeader("ETag"))
                .exchange()
                .getResponse();
        assertThat(crl.getStatus()).isEqualTo(304);
    }

    @Test
    void anUnknownFamilyOrFileIsNotFound() {
        for (String path : new String[] {
            "/pki/ca/ev.crt", "/pki/ca/tls-rootx.crt", "/pki/ca/-root.crt", "/pki/crl/ev.crl", "/pki/crl/ev-root.crl"
        }) {
            assertThat(mvc.get().uri(path)).as(path).hasStatus(404);
        }
        assertThat(mvc.post().uri("/pki/ocsp/ev").content(request(LEAF.getSerialNumber())))
                .hasStatus(404);
        assertThat(mvc.get().uri("/pki/ocsp/ev/" + base64(request(LEAF.getSerialNumber()))))
                .hasStatus(404);
    }

    @Test
    void ocspOverPostAnswersAtTheLeafsAiaUrlCacheableUntilNextUpdate() throws Exception {
        assertThat(path(ocspUrl(LEAF))).isEqualTo("/pki/ocsp/tls");

        MockHttpServletResponse response = mvc.post()
                .uri(path(ocspUrl(LEAF)))
                .contentType("application/ocsp-request")
                .content(request(LEAF.getSerialNumber()))
                .exchange()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/ocsp-response");
        assertThat(status(response)).isSameAs(CertificateStatus.GOOD);
        assertThat(response.getHeader("Cache-Control"))
                .isEqualTo("max-age=3600, must-revalidate, no-transform, public");
        assertThat(response.getDateHeader("Last-Modified")).isEqualTo(NOW.toEpochMilli());
        assertThat(response.getDateHeader("Expires"))
                .isEqualTo(NOW.plus(Duration.ofHours(1)).toEpochMilli());
        assertThat(response.getHeader("ETag")).isNotNull();
    }

    @Test
    void ocspOverGetReadsBase64WithSlashesEncodedOrNotAndUrlSafeBase64() throws Exception {
        BigInteger serial = serialWhoseRequestHas('/');
        byte[] request = request(serial);
        String base64 = Base64.getEncoder().encodeToString(request);
        assertThat(base64).contains("/");

        String urlEncoded = URLEncoder.encode(base64, StandardCharsets.US_ASCII);
        assertThat(urlEncoded).contains("%2F");
        MockHttpServletResponse encoded = get("/pki/ocsp/tls/" + urlEncoded);
        MockHttpServletResponse raw = get("/pki/ocsp/tls/" + base64);
        MockHttpServletResponse urlSafe =
                get("/pki/ocsp/tls/" + Base64.getUrlEncoder().withoutPadding().encodeToString(request));

        for (MockHttpServletResponse response : new MockHttpServletResponse[] {encoded, raw, urlSafe}) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentType()).isEqualTo("application/ocsp-response");
            assertThat(status(response)).isSameAs(CertificateStatus.GOOD);
        }
        assertThat(raw.getContentAsByteArray())
                .as("the same signed answer, so the same ETag")
                .isEqualTo(encoded.getContentAsByteArray());
        MockHttpServletResponse notModified = mvc.get()
                .uri(URI.create("/pki/ocsp/tls/" + urlEncoded))
                .header("If-None-Match", encoded.getHeader("ETag"))
                .exchange()
                .getResponse();
        assertThat(notModified.getStatus()).isEqualTo(304);
    }

    @Test
    void aRevocationIsAnsweredAtTheNextOcspRequest() throws Exception {
        byte[] request = request(LEAF.getSerialNumber());
        assertThat(status(post(request))).isSameAs(CertificateStatus.GOOD);

        clock.advance(Duration.ofSeconds(5));
        statuses.revoke(CaFamily.TLS, LEAF.getSerialNumber(), clock.instant(), 5);
        RevokedStatus revoked = (RevokedStatus) status(post(request));

        assertThat(revoked.getRevocationTime().toInstant()).isEqualTo(NOW.plusSeconds(5));
        assertThat(revoked.getRevocationReason()).as("cessationOfOperation").isEqualTo(5);
    }

    @Test
    void errorsAreOcspResponsesThatNoOneKeeps() throws Exception {
        MockHttpServletResponse notBase64 = get("/pki/ocsp/tls/not*base64");
        MockHttpServletResponse empty =
                mvc.post().uri("/pki/ocsp/tls").exchange().getResponse();

        for (MockHttpServletResponse response : new MockHttpServletResponse[] {notBase64, empty}) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentType()).isEqualTo("application/ocsp-response");
            assertThat(new OCSPResp(response.getContentAsByteArray()).getStatus())
                    .isEqualTo(OCSPResp.MALFORMED_REQUEST);
            assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
            assertThat(response.getHeader("ETag")).isNull();
        }
    }

    @Test
    void anOversizedOcspRequestIsRefusedUnread() {
        assertThat(mvc.post().uri("/pki/ocsp/tls").content(new byte[OcspController.LARGEST_REQUEST + 1]))
                .hasStatus(413);
    }

    private MockHttpServletResponse get(String path) {
        return mvc.get().uri(URI.create(path)).exchange().getResponse();
    }

    private MockHttpServletResponse post(byte[] request) {
        return mvc.post()
                .uri("/pki/ocsp/tls")
                .contentType("application/ocsp-request")
                .content(request)
                .exchange()
                .getResponse();
    }

    /** A serial of an issued certificate whose OCSP request's base64 holds {@code c}. */
    private BigInteger serialWhoseRequestHas(char c) {
        for (int i = 1; ; i++) {
            BigInteger serial = BigInteger.valueOf(i);
            if (base64(request(serial)).indexOf(c) >= 0) {
                statuses.issued(CaFamily.TLS, serial);
                return serial;
            }
        }
    }

    private static String base64(byte[] request) {
        return Base64.getEncoder().encodeToString(request);
    }

    static byte[] request(BigInteger serial) {
        try {
            CertificateID id = new CertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new X509CertificateHolder(CA.issuing(CaFamily.TLS).getEncoded()),
                    serial);
            return new OCSPReqBuilder().addRequest(id).build().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CertificateStatus status(MockHttpServletResponse response) throws Exception {
        OCSPResp parsed = new OCSPResp(response.getContentAsByteArray());
        assertThat(parsed.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return ((BasicOCSPResp) parsed.getResponseObject()).getResponses()[0].getCertStatus();
    }

    private static X509CRL crl(byte[] der) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }

    /** The path of a URL under the configured base URL. */
    private static String path(String url) {
        assertThat(url).startsWith("https://pki.certportal.example/");
        return URI.create(url).getPath();
    }

    private static String caIssuers(X509Certificate certificate) throws Exception {
        return access(certificate, AccessDescription.id_ad_caIssuers.getId());
    }

    private static String ocspUrl(X509Certificate certificate) throws Exception {
        return access(certificate, AccessDescription.id_ad_ocsp.getId());
    }

    private static String access(X509Certificate certificate, String method) throws Exception {
        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(
                new X509CertificateHolder(certificate.getEncoded()).getExtensions());
        for (AccessDescription description : aia.getAccessDescriptions()) {
            if (description.getAccessMethod().getId().equals(method)) {
                return ASN1IA5String.getInstance(description.getAccessLocation().getName())
                        .getString();
            }
        }
        throw new AssertionError("no " + method + " in " + certificate.getSubjectX500Principal());
    }

    private static String crlDistributionPoint(X509Certificate certificate) throws Exception {
        CRLDistPoint points = CRLDistPoint.getInstance(new X509CertificateHolder(certificate.getEncoded())
                .getExtension(Extension.cRLDistributionPoints)
                .getParsedValue());
        DistributionPointName name = points.getDistributionPoints()[0].getDistributionPoint();
        return ASN1IA5String.getInstance(
                        GeneralNames.getInstance(name.getName()).getNames()[0].getName())
                .getString();
    }
}
