package com.certportal.order.web;

import static com.certportal.support.Fixtures.PaymentChoice.bankTransfer;
import static com.certportal.support.Fixtures.PaymentChoice.card;
import static com.certportal.support.Fixtures.PaymentChoice.unit;
import static com.certportal.support.Fixtures.PaymentChoice.voucher;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import com.certportal.order.OrderStatus;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.PlainWords;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 7: the order pages tell a customer where the money goes (P1-P7) in plain words, in
 * both languages: no rule ids such as "(P3)", no "refund routing" (the rule book's words for code and
 * tests), on the cancel page, the refund lines and the history of a canceled or revoked order.
 */
class OrderPagesInPlainWordsTest extends ActionIntegrationTest {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.JAPANESE);

    /** Each way back of the money (P1-P6): how the order is paid, and what the trail records of it. */
    private record Route(String cn, Product product, PaymentChoice payment, String route, String detail) {}

    private static final List<Route> ROUTES = List.of(
            new Route("p1", Product.TLS_DV, bankTransfer(false), "contract_voided", "contract_voided"),
            new Route(
                    "p2",
                    Product.CODE_SIGNING,
                    bankTransfer(true).withToken(),
                    "refund_case_opened",
                    "refund_case_opened.token_kept"),
            new Route("p3", Product.TLS_DV, card(), "card_company", "card_company"),
            new Route(
                    "p4",
                    Product.CODE_SIGNING,
                    voucher().withToken(),
                    "voucher_returned",
                    "voucher_returned.token_kept"),
            new Route("p5", Product.TLS_DV, unit(2), "licences_returned", "licences_returned"));

    private TestAccount account;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount();
    }

    @Test
    void theCancelPageSaysWhereTheMoneyWillGoInPlainWords_C2_P1_P6() {
        for (Route route : ROUTES) {
            String order = pending(route);
            for (Locale language : LANGUAGES) {
                String page = readIn(language, account.user(), "/orders/" + order + "/cancel");

                assertThat(page).contains(text("refund.route." + route.route() + ".preview", language));
                PlainWords.assertPlain(page, "the cancel page of " + route + " in " + language);
            }
        }
    }

    @Test
    void aCanceledOrderShowsItsRefundAndItsHistoryInPlainWords_C3_P1_P7() {
        for (Route route : ROUTES) {
            String order = pending(route);
            assertThat(post(account.user(), "/orders/" + order + "/cancel", "version", version(order)))
                    .hasStatus3xxRedirection();
            for (Locale language : LANGUAGES) {
                String page = readIn(language, account.admin(), "/orders/" + order);

                assertThat(page)
                        .contains(text("refund.outcome", language))
                        .contains(text("refund.route." + route.route() + ".done", language))
                        .as("the history's line of the refund")
                        .contains(text("audit.detail." + route.detail(), language));
                PlainWords.assertPlain(page, "canceled order " + route + " in " + language);
            }
        }
    }

    @Test
    void aRevocationTreatedAsACancellationShowsItsRefundInPlainWords_R3_P4_P6() {
        String order = fixtures.issued(
                account.user(),
                Product.CODE_SIGNING,
                "p4-revoked.example.com",
                voucher().withToken(),
                clock.instant().minus(Duration.ofDays(3)));
        revokedNow(account.admin(), order, "superseded");
        assertThat(state(order).status()).isEqualTo(OrderStatus.REVOKED);

        for (Locale language : LANGUAGES) {
            String page = readIn(language, account.user(), "/orders/" + order);

            assertThat(page)
                    .contains(text("order.treated-as-cancellation", language))
                    .contains(text("refund.route.voucher_returned.done", language))
                    .contains(text("audit.detail.voucher_returned.token_kept", language));
            PlainWords.assertPlain(page, "revoked order " + order + " in " + language);
        }
    }

    private String pending(Route route) {
        return fixtures.pending(
                account.user(), route.product(), route.cn() + "-" + account.tag() + ".example.com", route.payment());
    }
}
