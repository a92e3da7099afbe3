package com.certportal.order.web;

import static java.time.Duration.ofDays;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import org.junit.jupiter.api.Test;

/** C1 and R1 on the pages: Cancel only from the order's page, Revoke from quick view too. */
class QuickViewActionsTest extends ActionIntegrationTest {

    @Test
    void aPendingOrdersQuickViewOffersNoCancelButItsPageDoes_C1() {
        TestAccount account = fixtures.newAccount();
        String order = fixtures.pending(
                account.user(), Product.TLS_DV, "qv-" + account.tag() + ".example.com", PaymentChoice.card());

        String quickView = body(get(account.user(), "/orders/" + order + "/quick-view"));
        String listWithPanel = body(get(account.user(), "/orders?view=" + order));
        String detail = body(get(account.user(), "/orders/" + order));

        assertThat(quickView).doesNotContain("data-action=\"cancel\"").contains(shown("quick-view.cancel-on-detail"));
        assertThat(listWithPanel).doesNotContain("data-action=\"cancel\"");
        assertThat(detail).contains("data-action=\"cancel\"", "/orders/" + order + "/cancel");
    }

    @Test
    void anIssuedOrdersQuickViewOffersRevoke_R1() {
        TestAccount account = fixtures.newAccount();
        String order = fixtures.issued(
                account.user(),
                Product.TLS_DV,
                "qv-" + account.tag() + ".example.com",
                PaymentChoice.card(),
                clock.instant().minus(ofDays(2)));

        assertThat(body(get(account.user(), "/orders/" + order + "/quick-view")))
                .contains("data-action=\"revoke\"", "/orders/" + order + "/revoke")
                .doesNotContain(shown("quick-view.cancel-on-detail"));
    }

    @Test
    void aFinanceManagersQuickViewOffersNothingToDo() {
        TestAccount account = fixtures.newAccount();
        String order = fixtures.issued(
                account.user(),
                Product.TLS_DV,
                "qv-" + account.tag() + ".example.com",
                PaymentChoice.card(),
                clock.instant().minus(ofDays(2)));

        assertThat(body(get(account.finance(), "/orders/" + order + "/quick-view")))
                .doesNotContain("data-action=");
    }
}
