package com.certportal.order.web;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static com.certportal.support.Fixtures.PaymentChoice.unit;
import static com.certportal.support.Fixtures.PaymentChoice.voucher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.account.CurrentMember;
import com.certportal.catalog.Product;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import com.certportal.support.PostgresIntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The order pages run a fixed, small number of SQL statements whatever the page size and whatever the
 * orders hold (no query per row, per requester, per payment or per certificate): the list is one select
 * plus one count, and with a search text one more that matches requester emails (OrderFinder); an order
 * is one select, plus its waiting revocation request (quick view and detail) and its history (detail),
 * all in one read-only transaction (issue 10). Counted with Hibernate statistics on 105 orders paid
 * every way, so that a page of 100 is full. Outside Hibernate, and so not counted here: the member
 * check of every request (M1, one select by key) and, for a search text on PostgreSQL, the setting that
 * plans it for its text (SearchWords).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderPagesQueryCountTest extends PostgresIntegrationTest {

    private static final int LIST_STATEMENTS = 2;
    private static final int LIST_WITH_SEARCH_STATEMENTS = 3;
    /** The order, and the revocation request waiting on it (R7, "needs approval"). */
    private static final int ORDER_STATEMENTS = 2;
    /** The detail page adds the order's history (T1). */
    private static final int DETAIL_STATEMENTS = 3;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    private TestAccount account;
    private String plainOrder;
    private String busyOrder;

    @BeforeAll
    void manyOrders() {
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        account = fixtures.newAccount();
        List<PaymentChoice> payments = List.of(card(), voucher(), unit(1), PaymentChoice.bankTransfer(true));
        for (int i = 0; i < 105; i++) {
            clock.advance(Duration.ofMinutes(1));
            CurrentMember requester = i % 2 == 0 ? account.user() : account.admin();
            String cn = "q" + i + ".example.com";
            if (i % 3 == 0) {
                fixtures.pending(requester, Product.TLS_DV, cn, payments.get(i % payments.size()));
            } else if (i % 7 == 0) {
                fixtures.issued(requester, Product.CODE_SIGNING, cn, card().withToken(), clock.instant());
            } else {
                fixtures.issued(requester, Product.TLS_OV, cn, payments.get(i % payments.size()), clock.instant());
            }
        }
        plainOrder = fixtures.issued(account.admin(), Product.TLS_DV, "plain.example.com", card(), clock.instant());
        busyOrder = fixtures.issued(
                account.admin(),
                Product.CODE_SIGNING,
                "busy.example.com",
                voucher().withToken(),
                clock.instant());
        for (int i = 1; i <= 5; i++) {
            String cn = "busy-" + i + ".example.com";
            fixtures.reissue(busyOrder, cn, List.of(cn, "www." + cn, "api." + cn), clock.instant());
        }
    }

    @AfterAll
    void realTime() {
        clock.reset();
    }

    @Test
    void theListRunsTheSameTwoStatementsForTenAndForAHundredRows() {
        long ten = statementsFor("/orders?size=10", account.admin(), 10);
        long hundred = statementsFor("/orders?size=100", account.admin(), 100);

        assertThat(ten).isEqualTo(LIST_STATEMENTS);
        assertThat(hundred).isEqualTo(ten);
    }

    @Test
    void theListRunsTheSameStatementsForEveryRoleFilterAndSearch() {
        assertThat(statementsFor("/orders?size=100", account.user(), 53)).isEqualTo(LIST_STATEMENTS);
        assertThat(statementsFor("/orders?size=100", account.finance(), 100)).isEqualTo(LIST_STATEMENTS);
        assertThat(statementsFor("/orders?size=50&status=issued&q=example", account.admin(), 50))
                .isEqualTo(LIST_WITH_SEARCH_STATEMENTS);
        assertThat(statementsFor("/orders?size=10&sort=expiry", account.admin(), 10))
                .isEqualTo(LIST_STATEMENTS);
        // A page that reaches the orders without the sort's key (pending ones, by expiry) reads them too.
        assertThat(statementsFor("/orders?size=100&sort=expiry", account.user(), 53))
                .isEqualTo(LIST_STATEMENTS + 1);
    }

    /** L3: the open quick view adds exactly its order's one select. */
    @Test
    void theListWithAnOpenQuickViewAddsOneStatement() {
        assertThat(statementsFor("/orders?size=10&view=" + busyOrder, account.admin(), 10))
                .isEqualTo(LIST_STATEMENTS + ORDER_STATEMENTS);
        assertThat(statementsFor("/orders?size=100&view=" + busyOrder, account.admin(), 100))
                .isEqualTo(LIST_STATEMENTS + ORDER_STATEMENTS);
    }

    /** Six certificates, a voucher and a hardware token cost no more statements than one certificate. */
    @Test
    void theDetailPageRunsOneStatementWhateverTheOrderHolds() {
        long plain = statementsFor("/orders/" + plainOrder, account.admin(), 0);
        long busy = statementsFor("/orders/" + busyOrder, account.admin(), 0);

        assertThat(plain).isEqualTo(DETAIL_STATEMENTS);
        assertThat(busy).isEqualTo(plain);
    }

    @Test
    void theQuickViewFragmentRunsOneStatement() {
        assertThat(statementsFor("/orders/" + busyOrder + "/quick-view", account.admin(), 0))
                .isEqualTo(ORDER_STATEMENTS);
    }

    /** The busy order really shows what was loaded with it, so the count above is not of an empty page. */
    @Test
    void theBusyOrdersPageShowsItsCertificatesVoucherAndToken() {
        String page = Pages.main(Pages.body(mvc.get()
                .uri("/orders/" + busyOrder)
                .with(user(account.admin()))
                .exchange()));

        assertThat(page).contains("busy-5.example.com", "api.busy-5.example.com", "TEST-", "TOK-");
        assertThat(page.split("<code class=\"serial\">", -1)).hasSize(7);
    }

    /** Statements prepared while serving {@code uri}; {@code rows} checks that the page was really full. */
    private long statementsFor(String uri, CurrentMember member, int rows) {
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        assertThat(statistics.isStatisticsEnabled()).isTrue();
        statistics.clear();

        MvcTestResult result = mvc.get().uri(uri).with(user(member)).exchange();

        long statements = statistics.getPrepareStatementCount();
        assertThat(result).as(uri).hasStatusOk();
        assertThat(Pages.orderRows(Pages.body(result))).as(uri).hasSize(rows);
        return statements;
    }
}
