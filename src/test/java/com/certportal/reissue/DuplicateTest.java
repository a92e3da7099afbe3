package com.certportal.reissue;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.audit.AuditAction;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.pki.TestCsrs;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures;
import com.certportal.support.Fixtures.TestAccount;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** K5 through the web: another key for the same names, issued at once, ending with the current certificate. */
class DuplicateTest extends ActionIntegrationTest {

    private TestAccount account;
    private KeyPair key;
    private String order;
    private String cn;

    @BeforeEach
    void anIssuedOrderWithValidatedNames() {
        clock.set(Instant.parse("2026-07-01T01:00:00Z"));
        account = fixtures.newAccount();
        key = Fixtures.freshKey();
        cn = "dup-" + account.tag() + ".example.com";
        order = fixtures.validatedAndIssued(account.admin(), cn, key);
        clock.advance(Duration.ofDays(3));
    }

    private MvcTestResult duplicate(String csr) {
        return post(account.admin(), "/orders/" + order + "/duplicate", "csr", csr, "version", version(order));
    }

    private CertificateOrder stored() {
        return fixtures.withOrder(order, o -> {
            o.getCertificates().size();
            return o;
        });
    }

    @Test
    void k5ADuplicateHasAnotherKeyTheSameNamesAndEndsWithTheCurrentCertificate() {
        Certificate current = stored().currentCertificate().orElseThrow();

        MvcTestResult result = duplicate(TestCsrs.pem(Fixtures.freshKey(), "CN=" + cn, cn));

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/orders/" + order);
        CertificateOrder after = stored();
        assertThat(after.getCertificates()).hasSize(2).allMatch(Certificate::isValid);
        Certificate duplicate = after.getCertificates().get(1);
        assertThat(duplicate.getOrigin()).isEqualTo(Certificate.Origin.DUPLICATE);
        assertThat(duplicate.getDerivedFrom()).isEqualTo(current.getCertificateId());
        assertThat(duplicate.getSubjectAltNames()).containsExactlyElementsOf(current.getSubjectAltNames());
        assertThat(duplicate.getExpiresAt()).isEqualTo(current.getExpiresAt());
        assertThat(after.getCertificates()).noneMatch(Certificate::isRevocationPending);
        assertThat(history(order, AuditAction.CERTIFICATE_DUPLICATED)).hasSize(1);
    }

    @Test
    void k5TheKeyOfACertificateOfTheOrderIsRefused() {
        MvcTestResult result = duplicate(TestCsrs.pem(key, "CN=" + cn, cn));

        assertThat(result).hasStatus(400);
        assertThat(body(result)).contains(shown("duplicate.refused.same-key"));
        assertThat(stored().getCertificates()).hasSize(1);
        assertThat(refusals(account.id()))
                .first()
                .satisfies(r -> assertThat(r.getDetail()).isEqualTo("duplicate.refused.same-key"));
    }

    @Test
    void k5ACsrForOtherNamesIsRefused() {
        String other = "other-" + account.tag() + ".example.com";

        MvcTestResult result = duplicate(TestCsrs.pem(Fixtures.freshKey(), "CN=" + other, other));

        assertThat(result).hasStatus(400);
        assertThat(stored().getCertificates()).hasSize(1);
        assertThat(refusals(account.id()))
                .first()
                .satisfies(r -> assertThat(r.getDetail()).isEqualTo("duplicate.refused.names-differ"));
    }

    @Test
    void k5V3ALapsedValidationIsRefusedWithTheAdviceToReissue() {
        clock.advance(Duration.ofDays(200));

        MvcTestResult result = duplicate(TestCsrs.pem(Fixtures.freshKey(), "CN=" + cn, cn));

        assertThat(result).hasStatus(409);
        assertThat(body(result)).contains(shown("duplicate.refused.validation-lapsed", order));
        assertThat(stored().getCertificates()).hasSize(1);
    }

    @Test
    void k5ARevokedOrderIsNotDuplicated() {
        post(
                account.admin(),
                "/orders/" + order + "/revoke",
                "reason",
                "superseded",
                "skipApproval",
                "true",
                "version",
                version(order));

        MvcTestResult result = duplicate(TestCsrs.pem(Fixtures.freshKey(), "CN=" + cn, cn));

        assertThat(result).hasStatus(409);
        assertThat(get(account.admin(), "/orders/" + order + "/duplicate")).hasStatus(409);
        assertThat(refusals(account.id()))
                .first()
                .satisfies(r -> assertThat(r.getDetail()).isEqualTo("reissue.refused.not-issued"));
    }
}
