package com.certportal.reissue;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.catalog.Product;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.RevocationReason;
import com.certportal.pki.TestCsrs;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures;
import com.certportal.support.Fixtures.TestAccount;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * K4, K2, I3, I4, V3 through the web: Certificate actions > Reissue, a reissue that waits for
 * validation and is issued onto the same order, its cancellation, and every refusal (changing nothing,
 * recorded as REFUSED).
 */
class ReissueTest extends ActionIntegrationTest {

    @Autowired
    private Reissues reissues;

    private TestAccount account;
    private KeyPair key;
    private String order;
    private String cn;

    @BeforeEach
    void anOrderWhoseNamesWereValidatedByEmail() {
        clock.set(Instant.parse("2026-06-01T01:00:00Z"));
        account = fixtures.newAccount();
        key = Fixtures.freshKey();
        cn = "site-" + account.tag() + ".example.com";
        order = fixtures.validatedAndIssued(account.admin(), cn, key);
        clock.advance(Duration.ofDays(10));
    }

    private MvcTestResult reissue(String csr, String sans, String... more) {
        List<String> fields =
                new ArrayList<>(List.of("csr", csr, "sans", sans, "dcvMethod", "email", "version", version(order)));
        fields.addAll(List.of(more));
        return post(account.admin(), "/orders/" + order + "/reissue", fields.toArray(String[]::new));
    }

    private CertificateOrder stored() {
        return fixtures.withOrder(order, o -> {
            o.getCertificates().forEach(Certificate::getPem);
            o.waitingReissue().ifPresent(r -> r.getSubjectAltNames());
            return o;
        });
    }

    @Test
    void k4V3AReissueOfValidatedNamesIsIssuedAtOnceOntoTheSameOrder() {
        Instant firstIssued = stored().getFirstIssuedAt();

        MvcTestResult result = reissue(TestCsrs.pem(Fixtures.freshKey(), "CN=" + cn, cn), "www." + cn);

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/orders/" + order);
        CertificateOrder reissued = stored();
        assertThat(reissued.getCertificates()).hasSize(2);
        Certificate current = reissued.currentCertificate().orElseThrow();
        assertThat(current.getOrigin()).isEqualTo(Certificate.Origin.REISSUE);
        assertThat(current.getDerivedFrom())
                .isEqualTo(reissued.getCertificates().get(0).getCertificateId());
        assertThat(reissued.getFirstIssuedAt()).as("I4").isEqualTo(firstIssued);
        assertThat(reissued.getCertificates()).as("K2: the same names").noneMatch(Certificate::isRevocationPending);
        assertThat(reissued.waitingReissue()).isEmpty();
        // I3: what remains of the one-year plan, or 199 days, whichever is shorter.
        assertThat(current.getExpiresAt()).isEqualTo(reissued.certificateNotAfter(clock.instant()));
        assertThat(notices(result)).singleElement().asString().contains(current.getCertificateId());
        assertThat(history(order, AuditAction.REISSUE_REQUESTED)).hasSize(1);
        assertThat(history(order, AuditAction.CERTIFICATE_REISSUED)).hasSize(1);
    }

    @Test
    void k4K2ANewCommonNameWaitsForValidationThenSupersedesTheOriginal() {
        String newName = "shop-" + account.tag() + ".example.net";

        MvcTestResult result = reissue(TestCsrs.pem(Fixtures.freshKey(), "CN=" + newName, newName), "");

        assertThat(result).hasStatus3xxRedirection();
        assertThat(stored().waitingReissue()).isPresent();
        assertThat(stored().getCertificates()).hasSize(1);
        String page = body(get(account.admin(), "/orders/" + order));
        assertThat(page)
                .contains(shown("reissue.waiting.heading"), shown("validation.heading.reissue"))
                .contains("data-name=\"" + newName + "\"", "data-progress=\"pending\"");

        Instant validatedAt = clock.instant().plus(Duration.ofHours(1));
        clock.set(validatedAt);
        fixtures.confirmEmailedLinks(order);

        CertificateOrder reissued = stored();
        assertThat(reissued.waitingReissue()).isEmpty();
        assertThat(reissued.getCommonName()).isEqualTo(newName);
        Certificate original = reissued.getCertificates().get(0);
        assertThat(original.isValid()).isTrue();
        assertThat(original.getRevocationScheduledAt()).isEqualTo(validatedAt.plus(Duration.ofHours(48)));
        assertThat(body(get(account.admin(), "/orders/" + order)))
                .contains("data-lifecycle=\"revocation-pending\"", shown("certificate-lifecycle.revocation_pending"));
    }

    @Test
    void k4AWaitingReissueIsCancelledByItsRequesterAndChangesNothing() {
        String newName = "cancel-" + account.tag() + ".example.org";
        reissue(TestCsrs.pem(Fixtures.freshKey(), "CN=" + newName, newName), "");

        MvcTestResult result = post(account.admin(), "/orders/" + order + "/reissue/cancel", "version", version(order));

        assertThat(result).hasStatus3xxRedirection();
        CertificateOrder after = stored();
        assertThat(after.waitingReissue()).isEmpty();
        assertThat(after.getCertificates()).hasSize(1);
        assertThat(after.getCommonName()).isEqualTo(cn);
        assertThat(history(order, AuditAction.REISSUE_CANCELED)).hasSize(1);
        // Its link is closed: confirming it now issues nothing.
        fixtures.confirmEmailedLinks(order);
        assertThat(stored().getCertificates()).hasSize(1);
    }

    @Test
    void k4ASecondReissueWhileOneWaitsIsRefused() {
        String newName = "first-" + account.tag() + ".example.org";
        reissue(TestCsrs.pem(Fixtures.freshKey(), "CN=" + newName, newName), "");

        MvcTestResult second = reissue(TestCsrs.pem(Fixtures.freshKey(), "CN=" + cn, cn), "");

        assertThat(second).hasStatus(409);
        assertThat(body(second)).contains(shown("reissue.refused.waiting", order));
        assertRefused("reissue.refused.waiting");
    }

    @Test
    void k4TwoReissuesAtTheSameMomentOneWins() throws Exception {
        String shown = version(order);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String name = "race" + i + "-" + account.tag() + ".example.org";
            outcomes.add(threads.submit(() -> {
                gate.await(10, TimeUnit.SECONDS);
                try {
                    reissues.request(
                            new RequestReissue(
                                    order,
                                    TestCsrs.pem(Fixtures.freshKey(), "CN=" + name, name),
                                    null,
                                    "",
                                    com.certportal.order.DcvMethod.EMAIL,
                                    null,
                                    false,
                                    Long.parseLong(shown)),
                            account.admin());
                    return "won";
                } catch (com.certportal.action.ActionRefused refused) {
                    return refused.messageKey();
                }
            }));
        }
        gate.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(30, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(results).containsOnlyOnce("won");
        assertThat(results).anyMatch(r -> r.equals("order.refused.concurrent") || r.equals("reissue.refused.waiting"));
        assertThat(history(order, AuditAction.REISSUE_REQUESTED).stream()
                        .filter(r -> r.getOutcome() == AuditRecord.Outcome.DONE))
                .hasSize(1);
    }

    @Test
    void k4AStalePageIsRefused() {
        String stale = String.valueOf(Long.parseLong(version(order)) - 1);

        MvcTestResult result = post(
                account.admin(),
                "/orders/" + order + "/reissue",
                "csr",
                TestCsrs.pem(Fixtures.freshKey(), "CN=" + cn, cn),
                "dcvMethod",
                "email",
                "version",
                stale);

        assertThat(result).hasStatus(409);
        assertThat(stored().getCertificates()).hasSize(1);
        assertRefused("order.refused.stale");
    }

    @Test
    void k4ACompromisedKeyIsNotUsedAgain() {
        MvcTestResult result = reissue(TestCsrs.pem(key, "CN=" + cn, cn), "www." + cn, "keyCompromised", "true");

        assertThat(result).hasStatus(400);
        assertThat(body(result)).contains(shown("reissue.refused.compromised-key"));
        assertThat(stored().getCertificates()).hasSize(1);
        assertRefused("reissue.refused.compromised-key");

        // Without the compromise, the same key may be certified again (only the names change).
        assertThat(reissue(TestCsrs.pem(key, "CN=" + cn, cn), "www." + cn)).hasStatus3xxRedirection();
    }

    @Test
    void k4AKeyRevokedForKeyCompromiseIsBarredFromLaterReissues() {
        KeyPair second = Fixtures.freshKey();
        reissue(TestCsrs.pem(second, "CN=" + cn, cn), "www." + cn);
        String original = stored().getCertificates().get(0).getCertificateId();
        assertThat(post(
                        account.admin(),
                        "/certificates/" + original + "/revoke",
                        "reason",
                        RevocationReason.KEY_COMPROMISE.key(),
                        "skipApproval",
                        "true",
                        "version",
                        version(order)))
                .hasStatus3xxRedirection();

        MvcTestResult result = reissue(TestCsrs.pem(key, "CN=" + cn, cn), "www." + cn);

        assertThat(result).hasStatus(400);
        assertRefused("reissue.refused.compromised-key");
    }

    @Test
    void k4RevokedCanceledAndPendingOrdersAreNotReissued() {
        String pending =
                fixtures.pending(account.admin(), Product.TLS_DV, "p-" + account.tag() + ".example.com", card());
        String revoked = fixtures.issued(
                account.admin(), Product.TLS_DV, "r-" + account.tag() + ".example.com", card(), clock.instant());
        post(
                account.admin(),
                "/orders/" + revoked + "/revoke",
                "reason",
                "superseded",
                "skipApproval",
                "true",
                "version",
                version(revoked));
        String canceled =
                fixtures.pending(account.admin(), Product.TLS_DV, "c-" + account.tag() + ".example.com", card());
        post(account.admin(), "/orders/" + canceled + "/cancel", "version", version(canceled));

        for (String number : List.of(pending, revoked, canceled)) {
            MvcTestResult result = post(
                    account.admin(),
                    "/orders/" + number + "/reissue",
                    "csr",
                    TestCsrs.pem(Fixtures.freshKey(), "CN=" + cn, cn),
                    "dcvMethod",
                    "email",
                    "version",
                    version(number));
            assertThat(result).as(number).hasStatus(409);
            assertThat(get(account.admin(), "/orders/" + number + "/reissue")).hasStatus(409);
            assertThat(history(number, AuditAction.REISSUE_REQUESTED))
                    .singleElement()
                    .satisfies(r -> assertThat(r.getOutcome()).isEqualTo(AuditRecord.Outcome.REFUSED));
        }
    }

    @Test
    void k4TheFormIsShownWithTheCurrentNamesAndTheValidityARestoredPlanGives() {
        MvcTestResult form = get(account.admin(), "/orders/" + order + "/reissue");

        assertThat(form).hasStatusOk();
        assertThat(body(form)).contains("www." + cn, "name=\"keyCompromised\"", "name=\"dcvMethod\"");
    }

    private void assertRefused(String key) {
        assertThat(refusals(account.id()))
                .first()
                .satisfies(r -> assertThat(r.getDetail()).isEqualTo(key));
    }
}
