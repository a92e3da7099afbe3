package com.certportal.certstatus;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.CurrentMember;
import com.certportal.catalog.Product;
import com.certportal.order.Certificate;
import com.certportal.pki.CaFamily;
import com.certportal.pki.CertificateAuthority;
import com.certportal.pki.TestCsrs;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * D2, R2 on PostgreSQL through the web layer: what the order page says of a revoked order, its CRL
 * (fetched over HTTP at the certificates' distribution point) and its OCSP responder (POSTed a
 * request built with BouncyCastle) say too, in the same test, for every certificate of the order.
 */
class RevokedOrderStatusTest extends ActionIntegrationTest {

    private static final String CRL = "/pki/crl/tls.crl";
    private static final String OCSP = "/pki/ocsp/tls";

    @Autowired
    private CertificateAuthority ca;

    private TestAccount account;

    @BeforeEach
    void anAccount() {
        // The test CA and its OCSP responder are made when the context starts, so the test's time is
        // after that (a responder outside its validity answers internalError, as it should).
        clock.set(ca.ocspResponder(CaFamily.TLS).getNotBefore().toInstant().plus(Duration.ofDays(1)));
        account = fixtures.newAccount();
    }

    @Test
    void d2R2AnOrderRevokedByAnAdministratorIsRevokedWithItsReasonInTheCrlAndOcspForEachCertificate() throws Exception {
        String cn = "revoked-" + account.tag() + ".example.com";
        String order = fixtures.validatedAndIssued(account.admin(), cn, Fixtures.freshKey());
        clock.advance(Duration.ofMinutes(1));
        assertThat(post(
                        account.admin(),
                        "/orders/" + order + "/duplicate",
                        "csr",
                        TestCsrs.pem(Fixtures.freshKey(), "CN=" + cn, cn),
                        "version",
                        version(order)))
                .hasStatus3xxRedirection();
        List<BigInteger> serials = serials(order);
        assertThat(serials).as("the original and its duplicate").hasSize(2);
        X509CRL before = crl();
        for (BigInteger serial : serials) {
            assertThat(before.getRevokedCertificate(serial)).isNull();
            assertThat(ocsp(serial)).isSameAs(CertificateStatus.GOOD);
        }

        clock.advance(Duration.ofMinutes(5));
        Instant revokedAt = clock.instant();
        revokedNow(account.admin(), order, "cessation_of_operation");

        X509CRL after = crl();
        assertThat(crlNumber(after)).isGreaterThan(crlNumber(before));
        for (BigInteger serial : serials) {
            X509CRLEntry entry = after.getRevokedCertificate(serial);
            assertThat(entry).as("serial %x in the CRL", serial).isNotNull();
            assertThat(entry.getRevocationDate().toInstant()).isEqualTo(revokedAt);
            assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.CESSATION_OF_OPERATION);
            RevokedStatus revoked = (RevokedStatus) ocsp(serial);
            assertThat(revoked.getRevocationTime().toInstant()).isEqualTo(revokedAt);
            assertThat(revoked.hasRevocationReason()).isTrue();
            assertThat(revoked.getRevocationReason()).as("cessationOfOperation").isEqualTo(5);
        }
        String page = body(get(account.admin(), "/orders/" + order));
        for (Certificate certificate : fixtures.withOrder(order, o -> List.copyOf(o.getCertificates()))) {
            assertThat(page)
                    .as("the order page agrees")
                    .contains("data-certificate=\"" + certificate.getCertificateId() + "\" data-lifecycle=\"revoked\"");
        }
    }

    @Test
    void r2AnOrderRevokedForNoSpecifiedReasonCarriesNoReasonInTheCrlOrOcsp() throws Exception {
        String order = issuedNow(account.admin(), "unspecified");
        BigInteger serial = serials(order).get(0);
        long before = crlNumber(crl());

        clock.advance(Duration.ofMinutes(1));
        revokedNow(account.admin(), order, "unspecified");

        X509CRL crl = crl();
        assertThat(crlNumber(crl)).isGreaterThan(before);
        X509CRLEntry entry = crl.getRevokedCertificate(serial);
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isNull();
        assertThat(entry.getExtensionValue(Extension.reasonCode.getId()))
                .as("BR 7.2.2: unspecified is no reasonCode extension")
                .isNull();
        RevokedStatus revoked = (RevokedStatus) ocsp(serial);
        assertThat(revoked.getRevocationTime().toInstant()).isEqualTo(clock.instant());
        assertThat(revoked.hasRevocationReason()).isFalse();
    }

    @Test
    void a2D2ARevocationRequestAnAdministratorRejectsLeavesTheCertificateGood() throws Exception {
        String order = issuedNow(account.user(), "rejected");
        BigInteger serial = serials(order).get(0);
        Long request = revocationRequested(account.user(), order, "key_compromise");
        assertThat(ocsp(serial)).as("a waiting request revokes nothing").isSameAs(CertificateStatus.GOOD);

        clock.advance(Duration.ofMinutes(1));
        assertThat(post(account.admin(), "/requests/" + request + "/reject", "comment", "still in use"))
                .hasStatus3xxRedirection();

        assertThat(ocsp(serial)).isSameAs(CertificateStatus.GOOD);
        assertThat(crl().getRevokedCertificate(serial)).isNull();
        boolean valid =
                fixtures.withOrder(order, o -> o.getCertificates().get(0).isValid());
        assertThat(valid).as("the order page still shows it valid").isTrue();
    }

    /** I1: an order of {@code requester}'s issued now, with a real certificate of the test CA. */
    private String issuedNow(CurrentMember requester, String name) {
        return fixtures.issued(
                requester,
                Product.TLS_DV,
                name + "-" + account.tag() + ".example.com",
                PaymentChoice.card(),
                clock.instant());
    }

    private List<BigInteger> serials(String order) {
        return fixtures.withOrder(
                order,
                o -> o.getCertificates().stream()
                        .map(c -> new BigInteger(c.getSerialNumber(), 16))
                        .toList());
    }

    /** The issuing CA's CRL as a relying party fetches it, checked against the CA's key. */
    private X509CRL crl() throws Exception {
        MockHttpServletResponse response = mvc.get().uri(CRL).exchange().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pkix-crl");
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(response.getContentAsByteArray()));
        crl.verify(ca.issuing(CaFamily.TLS).getPublicKey());
        return crl;
    }

    private static long crlNumber(X509CRL crl) throws Exception {
        X509CRLHolder holder = new X509CRLHolder(crl.getEncoded());
        return CRLNumber.getInstance(holder.getExtension(Extension.cRLNumber).getParsedValue())
                .getCRLNumber()
                .longValueExact();
    }

    /** The OCSP answer for {@code serial}, POSTed as RFC 6960 A.1 says, signed by the delegated responder. */
    private CertificateStatus ocsp(BigInteger serial) throws Exception {
        CertificateID id = new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(ca.issuing(CaFamily.TLS).getEncoded()),
                serial);
        MockHttpServletResponse response = mvc.post()
                .uri(OCSP)
                .contentType("application/ocsp-request")
                .content(new OCSPReqBuilder().addRequest(id).build().getEncoded())
                .exchange()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/ocsp-response");
        OCSPResp parsed = new OCSPResp(response.getContentAsByteArray());
        assertThat(parsed.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) parsed.getResponseObject();
        assertThat(basic.isSignatureValid(
                        new JcaContentVerifierProviderBuilder().build(ca.ocspResponder(CaFamily.TLS))))
                .isTrue();
        assertThat(basic.getResponses()).hasSize(1);
        assertThat(basic.getResponses()[0].getCertID().getSerialNumber()).isEqualTo(serial);
        return basic.getResponses()[0].getCertStatus();
    }
}
