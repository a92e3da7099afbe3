package com.certportal.ordering;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.audit.AuditRecord;
import com.certportal.catalog.Product;
import com.certportal.order.CertificateOrder;
import com.certportal.order.DcvMethod;
import com.certportal.order.OrderStatus;
import com.certportal.order.PaymentMethod;
import com.certportal.order.RequestType;
import com.certportal.order.ServerPlatform;
import com.certportal.pki.TestCsrs;
import com.certportal.pki.TestKeys;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import com.certportal.support.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * K6 through the request form: "Renew" opens it prefilled as a renewal (a new CSR, a new payment), the
 * renewal links to the order it renews and both pages show the link, the renewed order is not revoked,
 * and an order of another account (or one renewed already) cannot be renewed: refused, recorded,
 * nothing placed. G row 4: renewing early is explained on the form.
 */
class RenewalTest extends ActionIntegrationTest {

    @Autowired
    private Ordering ordering;

    private static final Instant ISSUED = Instant.parse("2026-04-01T00:00:00Z");

    private TestAccount account;
    private String renewed;
    private String cn;

    @BeforeEach
    void issuedOrder() {
        clock.set(ISSUED);
        account = fixtures.newAccount();
        cn = "renew-" + account.tag() + ".example.com";
        renewed = fixtures.issued(account.admin(), Product.TLS_OV, cn, card(), ISSUED);
    }

    @Test
    void renewOpensTheRequestFormPrefilledAsARenewalAndExplainsRenewingEarly_K6_G() {
        clock.set(ISSUED.plus(Duration.ofDays(60)));

        MvcTestResult result = get(account.admin(), "/orders/new?renewalOf=" + renewed);

        assertThat(result).hasStatusOk();
        String page = Pages.main(body(result));
        assertThat(page)
                .contains("name=\"requestType\" value=\"renewal\" checked=\"checked\"")
                .contains("name=\"renewalOf\" inputmode=\"numeric\" maxlength=\"8\" value=\"" + renewed + "\"")
                .contains("<option value=\"tls_ov\" data-domains=\"true\" data-token=\"false\" selected=\"selected\">")
                .contains("name=\"orderValidityYears\" value=\"1\" checked=\"checked\"")
                .contains("<option value=\"nginx\" selected=\"selected\"")
                .contains(">www." + cn + "</textarea>")
                .contains(shown("renewal.heading", renewed))
                .contains(shown("renewal.not-revoked", renewed))
                .contains(shown("renewal.early.no-cancel"))
                .as("I3: the one-year plan outlasts its 199-day certificate: a reissue is what is needed")
                .contains("/orders/" + renewed + "/reissue");
        assertThat(page).doesNotContain("-----BEGIN CERTIFICATE REQUEST-----\n");
    }

    @Test
    void anotherAccountsOrderCannotBeOpenedForRenewal_K6() {
        TestAccount other = fixtures.newAccount();

        assertThat(get(other.admin(), "/orders/new?renewalOf=" + renewed)).hasStatus(404);
    }

    @Test
    void aRenewalLinksBothOrdersAndRevokesNothing_K6_K2() {
        MvcTestResult placed = submitRenewal(account.admin(), renewed);

        assertThat(placed).hasStatus3xxRedirection();
        String renewal = placed.getResponse().getRedirectedUrl().replace("/orders/", "");
        assertThat(fixtures.withOrder(renewal, CertificateOrder::getRequestType))
                .isEqualTo(RequestType.RENEWAL);
        String renews = fixtures.withOrder(renewal, o -> o.getRenewalOf().getOrderNumber());
        assertThat(renews).isEqualTo(renewed);
        assertThat(state(renewed).status())
                .as("K6: the renewed order is not revoked")
                .isEqualTo(OrderStatus.ISSUED);

        String renewedPage = Pages.main(body(get(account.admin(), "/orders/" + renewed)));
        assertThat(renewedPage)
                .contains(shown("order.renewed-by"))
                .contains("<a href=\"/orders/" + renewal + "\">" + shown("order.renewal-link", renewal) + "</a>");
        String renewalPage = Pages.main(body(get(account.admin(), "/orders/" + renewal)));
        assertThat(renewalPage)
                .contains(shown("order.renews"))
                .contains("<a href=\"/orders/" + renewed + "\">" + shown("order.renewal-link", renewed) + "</a>");
        assertThat(Pages.links(renewedPage, "data-action=\"renew\""))
                .as("one renewal at a time")
                .isEmpty();
    }

    @Test
    void aSecondRenewalOfTheSameOrderIsRefusedAndRecorded_K6() {
        String first = fixtures.renewal(renewed, account.admin(), null);
        long ordersBefore = ordersOf(account);

        MvcTestResult second = submitRenewal(account.admin(), renewed);

        assertThat(second).hasStatus(400);
        assertThat(body(second)).contains(shown("order.form.renewal-already", renewed, first));
        assertThat(ordersOf(account)).isEqualTo(ordersBefore);
        assertThat(refusals(account.id()))
                .first()
                .extracting(AuditRecord::getDetail)
                .isEqualTo("order.form.renewal-already");
    }

    @Test
    void renewingAnotherAccountsOrderIsRefusedLikeAnUnknownOrderAndRecorded_K6() {
        TestAccount other = fixtures.newAccount();
        long ordersBefore = ordersOf(other);

        MvcTestResult refused = submitRenewal(other.admin(), renewed);

        assertThat(refused).hasStatus(400);
        assertThat(body(refused)).contains(shown("order.form.renewal-unknown", renewed));
        assertThat(ordersOf(other)).isEqualTo(ordersBefore);
        assertThat(refusals(other.id()))
                .first()
                .extracting(AuditRecord::getDetail)
                .isEqualTo("order.form.renewal-unknown");
    }

    /** Two renewals of one order at the same moment: the renewed order's row lock lets one through. */
    @Test
    void twoRenewalsOfTheSameOrderAtOnceLeaveExactlyOne_K6() throws Exception {
        long ordersBefore = ordersOf(account);

        List<String> outcomes = Race.outcomes(List.of(
                () -> ordering.place(renewalOf(renewed), account.admin()),
                () -> ordering.place(renewalOf(renewed), account.admin())));

        assertThat(outcomes).filteredOn(Race.WON::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals(Race.WON)).containsExactly("order.form.renewal-already");
        assertThat(ordersOf(account)).isEqualTo(ordersBefore + 1);
    }

    /** A user sees the orders it requested: a colleague's renewal of them is named, not linked. */
    @Test
    void aRenewalTheMemberCannotOpenIsNamedWithoutALink_K6() {
        String usersOrder = fixtures.issued(account.user(), Product.TLS_DV, "mine-" + cn, card(), ISSUED);
        String adminsRenewal = fixtures.renewal(usersOrder, account.admin(), ISSUED.plus(Duration.ofDays(1)));

        String page = Pages.main(body(get(account.user(), "/orders/" + usersOrder)));

        assertThat(page)
                .contains("<span>" + shown("order.renewal-link", adminsRenewal) + "</span>")
                .doesNotContain("href=\"/orders/" + adminsRenewal + "\"");
        assertThat(get(account.user(), "/orders/" + adminsRenewal)).hasStatus(404);
    }

    private MvcTestResult submitRenewal(com.certportal.account.CurrentMember by, String renewalOf) {
        String csr = TestCsrs.pem(TestKeys.ec("secp256r1"), "CN=" + cn, cn, "www." + cn);
        return post(
                by,
                "/orders/new",
                "product",
                "tls_ov",
                "csr",
                csr,
                "orderValidityYears",
                "1",
                "serverPlatform",
                "nginx",
                "requestType",
                "renewal",
                "renewalOf",
                renewalOf,
                "licences",
                "1",
                "paymentMethod",
                "credit_card",
                "dcvMethod",
                "email",
                "action",
                "submit");
    }

    private PlaceOrder renewalOf(String number) {
        return new PlaceOrder(
                Product.TLS_OV,
                TestCsrs.pem(TestKeys.ec("secp256r1"), "CN=" + cn, cn),
                null,
                null,
                1,
                ServerPlatform.NGINX,
                RequestType.RENEWAL,
                number,
                1,
                PaymentMethod.CREDIT_CARD,
                null,
                null,
                null,
                DcvMethod.EMAIL,
                null);
    }

    private long ordersOf(TestAccount of) {
        return fixtures.countOrders(of.id());
    }
}
