package com.certportal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.CurrentMember;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.order.OrderStatus;
import com.certportal.pki.CertificateFields;
import com.certportal.pki.TestCsrs;
import com.certportal.pki.TestKeys;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.OrderForm;
import com.certportal.support.Pages;
import java.security.KeyPair;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * V2: an OV order waits, once its names are validated, for the CA's validation agent, who approves the
 * organization in the operations area, and the order is issued naming it. The operations area and the
 * customers' pages are separate: each side is refused on the other's, and the refusal is recorded.
 */
class OrganizationValidationTest extends ActionIntegrationTest {

    private static final KeyPair KEY = TestKeys.ec("secp256r1");
    private static final String AGENT = "validation@certportal.example";

    @Autowired
    private OrganizationValidationRepository organizations;

    private TestAccount account;
    private CurrentMember agent;
    private String order;
    private OrganizationValidation waiting;

    @BeforeEach
    void ovOrderWhoseNamesAreValidated() {
        // The database keeps instants to the microsecond: the test's frozen clock stands on one.
        clock.set(clock.instant().truncatedTo(ChronoUnit.MICROS));
        account = fixtures.newAccount();
        agent = fixtures.principal(AGENT);
        String cn = "ov-" + account.tag() + ".example.com";
        order = OrderForm.placedOrder(post(
                account.admin(),
                "/orders/new",
                OrderForm.submitting(TestCsrs.pem(KEY, "CN=" + cn, cn))
                        .with("product", "tls_ov")
                        .pairs()));
        fixtures.confirmEmailedLinks(order);
        waiting = organizations
                .findByAccountIdOrderByRequestedAtDescIdDesc(account.id())
                .get(0);
    }

    @Test
    void theAgentApprovesTheOrganizationAndTheOvOrderIsIssuedNamingIt_V2() {
        assertThat(state(order).status())
                .as("the names are validated; the organization is not")
                .isEqualTo(OrderStatus.PENDING);
        assertThat(waiting.isPending()).isTrue();
        assertThat(Pages.main(body(get(account.admin(), "/orders/" + order))))
                .contains(shown("validation.organization.pending"));
        String queue = Pages.main(body(get(agent, "/operations/validations")));
        assertThat(queue)
                .contains("data-validation=\"" + waiting.getId() + "\"")
                .contains(waiting.getOrganizationName());
        assertThat(get(agent, "/operations/validations/" + waiting.getId())).hasStatusOk();

        MvcTestResult approved = post(
                agent, "/operations/validations/" + waiting.getId() + "/approve", "note", "Registry extract checked");

        assertThat(approved).hasStatus3xxRedirection();
        assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/operations/validations");
        assertThat(notices(approved))
                .containsExactly(text("operations.approved", Locale.ENGLISH, waiting.getOrganizationName()));
        assertThat(state(order).status()).isEqualTo(OrderStatus.ISSUED);
        String pem = fixtures.withOrder(
                order, o -> o.currentCertificate().orElseThrow().getPem());
        assertThat(CertificateFields.chain(pem).get(0).getSubjectX500Principal().getName())
                .as("I2: an OV certificate names the validated organization")
                .contains("O=" + waiting.getOrganizationName());
        assertThat(auditRecords.findByAccountIdAndOutcomeOrderByIdDesc(account.id(), AuditRecord.Outcome.DONE))
                .filteredOn(r -> r.getAction() == AuditAction.ORGANIZATION_VALIDATED)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getActorId()).isEqualTo(agent.memberId());
                    assertThat(r.getComment()).isEqualTo("Registry extract checked");
                });
    }

    @Test
    void aRejectionNeedsANoteWhichTheCustomerReads_V2() {
        MvcTestResult withoutNote = post(agent, "/operations/validations/" + waiting.getId() + "/reject");

        assertThat(withoutNote).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(withoutNote)).contains(shown("organization-validation.note-required"));
        assertThat(organizations.findById(waiting.getId()).orElseThrow().isPending())
                .isTrue();

        assertThat(post(agent, "/operations/validations/" + waiting.getId() + "/reject", "note", "No such company"))
                .hasStatus3xxRedirection();

        assertThat(state(order).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(Pages.main(body(get(account.admin(), "/orders/" + order))))
                .contains(shown("validation.organization.rejected"))
                .contains("No such company");
    }

    /** V2: the operations area belongs to the CA's agents, the customers' pages to the customers. */
    @Test
    void anAgentOnCustomerPagesAndACustomerInTheOperationsAreaAreRefusedAndRecorded_V2() {
        long ordersBefore = fixtures.countOrders(agent.accountId());

        for (String page : List.of("/orders", "/orders/new", "/orders/" + order, "/requests")) {
            assertThat(get(agent, page)).as(page).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(post(
                        agent,
                        "/orders/new",
                        OrderForm.submitting(TestCsrs.pem(KEY, "CN=agent.example.com", "agent.example.com"))
                                .pairs()))
                .hasStatus(HttpStatus.FORBIDDEN);
        for (CurrentMember customer : List.of(account.admin(), account.user())) {
            assertThat(get(customer, "/operations/validations")).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(post(customer, "/operations/validations/" + waiting.getId() + "/approve", "note", "mine"))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }

        assertThat(fixtures.countOrders(agent.accountId())).isEqualTo(ordersBefore);
        assertThat(organizations.findById(waiting.getId()).orElseThrow().isPending())
                .isTrue();
        assertThat(state(order).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(refusals(agent.accountId()))
                .filteredOn(r -> r.getActorId().equals(agent.memberId()))
                .extracting(r -> r.getAction() + " " + r.getDetail())
                .contains(
                        "ACCESS_DENIED GET /orders (role)",
                        "ACCESS_DENIED GET /orders/new (role)",
                        "ACCESS_DENIED GET /orders/" + order + " (role)",
                        "ACCESS_DENIED POST /orders/new (role)");
        assertThat(refusals(account.id()))
                .extracting(r -> r.getActorId() + " " + r.getAction() + " " + r.getDetail())
                .contains(
                        account.admin().memberId() + " ACCESS_DENIED GET /operations/validations (role)",
                        account.user().memberId() + " ACCESS_DENIED POST /operations/validations/" + waiting.getId()
                                + "/approve (role)");
    }
}
