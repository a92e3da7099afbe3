package com.certportal.revocation;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.catalog.Product;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.RevocationReason;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * K1 through the web: one certificate revoked by its id with the order's reasons (R2), approval (R6,
 * A1-A4) and trail, whatever the 30-day window (nothing refunded, the order stays issued), only while
 * the order keeps another valid certificate.
 */
class CertificateRevocationTest extends ActionIntegrationTest {

    private TestAccount account;
    private String order;
    private String original;
    private String reissued;

    @BeforeEach
    void anOrderWithTwoValidCertificates() {
        clock.set(Instant.parse("2026-08-01T00:00:00Z"));
        account = fixtures.newAccount();
        String cn = "k1-" + account.tag() + ".example.com";
        order = fixtures.issued(account.user(), Product.TLS_DV, cn, card(), clock.instant());
        clock.advance(Duration.ofDays(2));
        fixtures.reissue(order, cn, List.of(cn, "www." + cn), clock.instant());
        List<Certificate> certificates = fixtures.withOrder(order, CertificateOrder::getCertificates);
        original = certificates.get(0).getCertificateId();
        reissued = certificates.get(1).getCertificateId();
    }

    private MvcTestResult revoke(String certificateId, String... more) {
        String[] fields = new String[more.length + 2];
        System.arraycopy(more, 0, fields, 0, more.length);
        fields[more.length] = "version";
        fields[more.length + 1] = version(order);
        return post(account.admin(), "/certificates/" + certificateId + "/revoke", fields);
    }

    private Certificate certificate(String id) {
        return fixtures.withOrder(order, o -> o.certificate(id));
    }

    @Test
    void k1AnAdministratorRevokesOneCertificateAtOnceWithinThirtyDaysAndNothingIsRefunded() {
        MvcTestResult result =
                revoke(original, "reason", "superseded", "comment", "old server", "skipApproval", "true");

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/orders/" + order);
        assertThat(certificate(original).getStatus()).isEqualTo(Certificate.Status.REVOKED);
        assertThat(certificate(original).getRevocationReason()).isEqualTo(RevocationReason.SUPERSEDED);
        assertThat(certificate(reissued).isValid()).isTrue();
        assertThat(state(order).status()).hasToString("ISSUED");
        assertThat(fixtures.withOrder(order, CertificateOrder::getRefundRoute)).isNull();
        assertThat(history(order, AuditAction.CERTIFICATE_REVOKED))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getDetail()).isEqualTo(original);
                    assertThat(r.getReason()).isEqualTo("superseded");
                    assertThat(r.getComment()).isEqualTo("old server");
                });
    }

    @Test
    void k1AUsersRequestWaitsShowsTheCertificateOnTheRequestsPageAndIsApproved() {
        MvcTestResult submitted = post(
                account.user(),
                "/certificates/" + original + "/revoke",
                "reason",
                "key_compromise",
                "version",
                version(order));
        assertThat(submitted).hasStatus3xxRedirection();
        assertThat(certificate(original).isValid()).isTrue();
        RevocationRequest request = requests(account.id(), order).get(0);
        assertThat(request.getCertificateId()).isEqualTo(original);

        assertThat(body(get(account.admin(), "/requests"))).contains(shown("request.certificate-only", original));
        assertThat(body(get(account.admin(), "/requests/" + request.getId())))
                .contains(shown("request.outcome.certificate-only", original));

        assertThat(post(account.admin(), "/requests/" + request.getId() + "/approve"))
                .hasStatus3xxRedirection();
        assertThat(certificate(original).getRevocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(state(order).status()).hasToString("ISSUED");
        assertThat(history(order, AuditAction.CERTIFICATE_REVOKED)).hasSize(1);
    }

    @Test
    void k1TheLastValidCertificateIsRefusedWithAPointerToRevokingTheOrder() {
        revoke(original, "reason", "superseded", "skipApproval", "true");

        MvcTestResult result = revoke(reissued, "reason", "superseded", "skipApproval", "true");

        assertThat(result).hasStatus(409);
        assertThat(body(result)).contains(shown("certificate.refused.last-valid", reissued, order));
        assertThat(certificate(reissued).isValid()).isTrue();
        assertThat(refusals(account.id()))
                .first()
                .satisfies(r -> assertThat(r.getDetail()).isEqualTo("certificate.refused.last-valid"));
        assertThat(body(get(account.admin(), "/certificates/" + reissued + "/revoke")))
                .contains(shown("certificate.revoke.not-possible"));
    }

    @Test
    void k1AnotherAccountsCertificateIsUnknown() {
        TestAccount other = fixtures.newAccount();

        assertThat(get(other.admin(), "/certificates/" + original + "/revoke")).hasStatus(404);
        assertThat(post(
                        other.admin(),
                        "/certificates/" + original + "/revoke",
                        "reason",
                        "superseded",
                        "skipApproval",
                        "true",
                        "version",
                        version(order)))
                .hasStatus(404);
        assertThat(get(other.admin(), "/certificates/999999999/revoke")).hasStatus(404);
        assertThat(certificate(original).isValid()).isTrue();
        assertThat(refusals(other.id()))
                .first()
                .satisfies(r -> assertThat(r.getDetail()).isEqualTo("not-found"));
    }

    @Test
    void k1R2NoReasonIsRefused() {
        MvcTestResult result = revoke(original, "skipApproval", "true");

        assertThat(result).hasStatus(400);
        assertThat(certificate(original).isValid()).isTrue();
    }

    @Test
    void k1R6AUserMayNotSkipApproval() {
        MvcTestResult result = post(
                account.user(),
                "/certificates/" + original + "/revoke",
                "reason",
                "superseded",
                "skipApproval",
                "true",
                "version",
                version(order));

        assertThat(result).hasStatus(403);
        assertThat(certificate(original).isValid()).isTrue();
        assertThat(history(order, AuditAction.CERTIFICATE_REVOKED))
                .singleElement()
                .satisfies(r -> assertThat(r.getOutcome()).isEqualTo(AuditRecord.Outcome.REFUSED));
    }

    @Test
    void k1R5ASupportOnlyProductIsNotRevokedInThePortal() {
        String cn = "doc-" + account.tag() + ".example.com";
        String doc = fixtures.issued(account.admin(), Product.DOCUMENT_SIGNING, cn, card(), clock.instant());
        fixtures.reissue(doc, cn, List.of(), clock.instant());
        String first = fixtures.withOrder(doc, o -> o.getCertificates().get(0).getCertificateId());

        MvcTestResult result = post(
                account.admin(),
                "/certificates/" + first + "/revoke",
                "reason",
                "superseded",
                "skipApproval",
                "true",
                "version",
                version(doc));

        assertThat(result).hasStatus(409);
        assertThat(fixtures.<Boolean>withOrder(doc, o -> o.certificate(first).isValid()))
                .isTrue();
    }

    @Test
    void k7TheOrderPageOffersRevokingEachCertificateWhileAnotherServes() {
        String page = body(get(account.admin(), "/orders/" + order));

        assertThat(page)
                .contains("/certificates/" + original + "/revoke", "/certificates/" + reissued + "/revoke")
                .contains(shown("certificate-origin.reissue.of", original), shown("certificate-origin.original"));
    }
}
