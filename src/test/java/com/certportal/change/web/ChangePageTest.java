package com.certportal.change.web;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static com.certportal.support.Fixtures.PaymentChoice.voucher;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import com.certportal.change.ChangeWish;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * G as a page: `/orders/{n}/change` lists what can be changed, `?what=` answers for this order and
 * offers the action that does it (only actions this member may take); an unknown `what` is a 400 page,
 * another account's order a 404. Linked from Certificate actions and the cancel and revoke pages.
 */
class ChangePageTest extends ActionIntegrationTest {

    private static final Instant ISSUED = Instant.parse("2026-04-01T00:00:00Z");

    private TestAccount account;
    private String issued;

    @BeforeEach
    void orders() {
        clock.set(ISSUED);
        account = fixtures.newAccount();
        issued = fixtures.issued(
                account.user(), Product.TLS_OV, "change-" + account.tag() + ".example.com", card(), ISSUED);
    }

    @Test
    void thePageListsEveryChangeAsALinkToItsAnswer_G() {
        String page = Pages.main(body(get(account.user(), "/orders/" + issued + "/change")));

        assertThat(page).contains(shown("change.title", issued));
        for (ChangeWish wish : ChangeWish.values()) {
            assertThat(Pages.links(page, "data-what=\"" + wish.key() + "\""))
                    .containsExactly("/orders/" + issued + "/change?what=" + wish.key());
        }
    }

    @Test
    void aNewCommonNameIsAReissueOfThisOrder_G_K2() {
        String page = answer(account.user(), issued, "common_name");

        assertThat(page).contains(shown("change.verdict.no"), shown("change.common-name.original-revoked"));
        assertThat(offered(page)).containsExactly("/orders/" + issued + "/reissue");
    }

    /** R4: within 30 days a revocation counts as a cancellation; the page says so and until when. */
    @Test
    void aNewPaymentMethodForAnIssuedOrderOffersTheRevocationWithItsThirtyDayOutcome_G_R4() {
        clock.set(ISSUED.plus(Duration.ofDays(10)));

        String page = answer(account.user(), issued, "payment_method");

        assertThat(page)
                .contains(shown("change.verdict.revoke"))
                .contains(shown("revoke.outcome.cancellation"))
                .contains("2026-05-01 09:00:00 JST");
        assertThat(offered(page)).containsExactly("/orders/" + issued + "/revoke", "/orders/new");
    }

    @Test
    void licencesOfACardOrderSayWhyNoVoucherCodeCanBeRegistered_G() {
        String page = answer(account.user(), issued, "licences");

        assertThat(page).contains(shown("change.unavailable.not-voucher", "payment.credit_card"));
        assertThat(offered(page)).doesNotContain("/orders/" + issued + "/vouchers");
    }

    @Test
    void licencesOfAVoucherOrderAreAVoucherCode_G() {
        String voucherOrder = fixtures.issued(
                account.user(), Product.TLS_DV, "v-" + account.tag() + ".example.com", voucher(), ISSUED);

        assertThat(offered(answer(account.user(), voucherOrder, "licences")))
                .containsExactly("/orders/" + voucherOrder + "/vouchers");
    }

    @Test
    void theServerPlatformIsADownloadOfTheCurrentCertificate_G_K3() {
        String certificateId = fixtures.withOrder(
                issued, o -> o.currentCertificate().orElseThrow().getCertificateId());

        assertThat(offered(answer(account.finance(), issued, "server_platform")))
                .containsExactly("/orders/" + issued + "#certificate-" + certificateId);
    }

    @Test
    void aMemberWhoOnlyReadsIsOfferedNothingAndToldWhom_G() {
        String page = answer(account.finance(), issued, "common_name");

        assertThat(offered(page)).isEmpty();
        assertThat(page).contains(shown("change.read-only", issued));
    }

    @Test
    void anUnknownOrPaddedWhatIsABadRequest_G() {
        assertThat(get(account.user(), "/orders/" + issued + "/change?what=colour"))
                .hasStatus(400);
        assertThat(get(account.user(), "/orders/" + issued + "/change?what=common_name%0d"))
                .hasStatus(400);
        assertThat(get(account.user(), "/orders/" + issued + "/change?what=COMMON_NAME"))
                .hasStatus(400);
    }

    @Test
    void anotherAccountsOrderIsNotFound_G() {
        TestAccount other = fixtures.newAccount();

        assertThat(get(other.admin(), "/orders/" + issued + "/change")).hasStatus(404);
        assertThat(get(other.admin(), "/orders/" + issued + "/change?what=common_name"))
                .hasStatus(404);
        assertThat(get(other.admin(), "/orders/" + issued + "/change?what=colour"))
                .hasStatus(404);
    }

    @Test
    void thePageIsLinkedFromCertificateActionsAndTheCancelAndRevokePages_G() {
        String pending =
                fixtures.pending(account.user(), Product.TLS_DV, "p-" + account.tag() + ".example.com", card());
        String change = "/orders/" + issued + "/change";

        assertThat(Pages.links(body(get(account.user(), "/orders/" + issued)), "data-action=\"change\""))
                .containsExactly(change);
        assertThat(Pages.links(body(get(account.user(), "/orders/" + issued + "/revoke")), change))
                .containsExactly(change);
        assertThat(Pages.links(body(get(account.user(), "/orders/" + pending + "/cancel")), "/change"))
                .containsExactly("/orders/" + pending + "/change");
    }

    private String answer(com.certportal.account.CurrentMember by, String order, String what) {
        MvcTestResult result = get(by, "/orders/" + order + "/change?what=" + what);
        assertThat(result).hasStatusOk();
        return Pages.main(body(result));
    }

    /** The actions the answer offers, as their links, best first. */
    private static java.util.List<String> offered(String page) {
        int start = page.indexOf("<ul class=\"offers\">");
        if (start < 0) {
            return java.util.List.of();
        }
        return Pages.links(page.substring(start, page.indexOf("</ul>", start)), "href");
    }
}
