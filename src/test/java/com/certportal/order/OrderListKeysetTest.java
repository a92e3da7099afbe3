package com.certportal.order;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.PostgresIntegrationTest;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * L4, D3, issue 10 on PostgreSQL: keyset pages are exact in every sort, forward and back, through runs of
 * orders that share the sort's key (placed, first issued and expiring in the same instant) and across the
 * step from orders with the key to those without; the count stops at its cap, lower for a search text.
 */
class OrderListKeysetTest extends PostgresIntegrationTest {

    private static final Instant BASE = Instant.parse("2026-02-01T00:00:00Z");

    @Autowired
    private OrderFinder finder;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private SearchWords searchWords;

    @Autowired
    private EntityManager entityManager;

    @Autowired
    private TransactionTemplate transactions;

    private TestAccount account;

    @BeforeEach
    void freshAccount() {
        clock.set(BASE);
        account = fixtures.newAccount();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @ParameterizedTest
    @EnumSource(OrderSort.class)
    void everySortPagesExactlyForwardAndBackThroughTiedKeys(OrderSort sort) {
        for (int i = 0; i < 4; i++) {
            pending("pending-" + i + ".example.com");
        }
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 7; i++) { // seven orders placed, issued and expiring in one instant
            issued("tied-" + i + ".example.com");
        }
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(1));
            issued("later-" + i + ".example.com");
            pending("later-pending-" + i + ".example.com");
        }
        OrderSearch all = new OrderSearch(
                Optional.empty(), Optional.empty(), Optional.empty(), sort, Optional.empty(), Optional.empty(), 100);
        List<String> whole = numbers(finder.search(all, account.admin()));
        assertThat(whole).hasSize(17).doesNotHaveDuplicates();

        OrderSearch firstPage = new OrderSearch(
                Optional.empty(), Optional.empty(), Optional.empty(), sort, Optional.empty(), Optional.empty(), 3);
        List<OrderListPage> forward = new ArrayList<>();
        OrderListPage page = finder.search(firstPage, account.admin());
        forward.add(page);
        while (page.hasNext()) {
            page = finder.search(firstPage.after(page.next()), account.admin());
            forward.add(page);
        }
        List<String> walked = new ArrayList<>();
        forward.forEach(p -> walked.addAll(numbers(p)));
        assertThat(walked).as("forward, page by page").containsExactlyElementsOf(whole);

        List<List<String>> backward = new ArrayList<>();
        OrderListPage back = forward.get(forward.size() - 1);
        backward.add(numbers(back));
        while (back.hasPrevious()) {
            back = finder.search(firstPage.before(back.previous()), account.admin());
            backward.add(numbers(back));
        }
        Collections.reverse(backward);
        assertThat(backward)
                .as("back from the last page, the same pages")
                .containsExactlyElementsOf(
                        forward.stream().map(OrderListKeysetTest::numbers).toList());
    }

    /** A search text made of several words finds the orders holding the whole text, in that order, and no others. */
    @Test
    void aSearchOfSeveralWordsMatchesTheWholeTextNotItsWords() {
        String shop = pending("www.shop-12.example.co.jp");
        String shopToo = pending("a.www.shop-12.example.co.jp.test");
        pending("shop-12.www.example.co.jp");
        pending("www.shop-123x.example.co.jp");
        String percent = pending("www.percent%sign.example");
        pending("www.percentXsign.example");
        String underscore = pending("api.under_score.example");
        pending("api.underXscore.example");

        assertThat(numbers(search("WWW.Shop-12.example.co.jp"))).containsExactlyInAnyOrder(shop, shopToo);
        assertThat(numbers(search("percent%sign"))).containsExactly(percent);
        assertThat(numbers(search("under_score.example"))).containsExactly(underscore);
        assertThat(numbers(search("example.co.jp"))).hasSize(4);
    }

    /**
     * Issue 10: "more than" instead of counting every order: 10,000 for filters, 200 for a search text.
     * The orders beyond the first are copies made in SQL (the count, not the orders, is under test).
     */
    @Test
    void theCountStopsAtItsCapLowerForASearchText() {
        String original = pending("many.example.com");
        jdbc.update("""
                insert into certificate_order (order_number, account_id, requester_id, product, validity_years,
                    request_type, server_platform, common_name, subject_alt_names, status, payment_method, paid,
                    price, currency, licences, treated_as_cancellation, version, created_at, updated_at)
                select lpad((90000000 + g + (select count(*) from certificate_order))::text, 8, '0'), account_id,
                    requester_id, product, validity_years, request_type, server_platform, common_name,
                    subject_alt_names, status, payment_method, paid, price, currency, licences,
                    treated_as_cancellation, 0, created_at, updated_at
                from certificate_order, generate_series(1, 1000) g where order_number = ?
                """, original);

        OrderListPage text = search("many.example");
        OrderListPage filtered =
                finder.search(OrderSearch.of(Optional.of(OrderStatus.PENDING), Optional.empty(), 25), account.admin());

        assertThat(text.totalCapped()).isTrue();
        assertThat(text.total()).isEqualTo(OrderListPage.TEXT_COUNT_CAP);
        assertThat(text.orders()).hasSize(25);
        assertThat(filtered.totalCapped()).isFalse();
        assertThat(filtered.total()).isEqualTo(1001);
    }

    /**
     * A search's statements are planned for its text (SearchWords): the setting reaches the connection
     * Hibernate runs the search on, and ends with the search's transaction.
     */
    @Test
    void aSearchIsPlannedForItsTextOnItsOwnConnectionAndTransactionOnly() {
        String inside = transactions.execute(status -> {
            searchWords.planForTheValues();
            return (String) entityManager
                    .createNativeQuery("select current_setting('plan_cache_mode')")
                    .getSingleResult();
        });
        String after = jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class);

        assertThat(inside).isEqualTo("force_custom_plan");
        assertThat(after).isEqualTo("auto");
    }

    private String pending(String commonName) {
        return fixtures.pending(account.user(), Product.TLS_DV, commonName, card());
    }

    private String issued(String commonName) {
        return fixtures.issued(account.admin(), Product.TLS_DV, commonName, card(), clock.instant());
    }

    private OrderListPage search(String text) {
        return finder.search(OrderSearch.of(Optional.empty(), Optional.of(text), 25), account.admin());
    }

    private static List<String> numbers(OrderListPage page) {
        return page.orders().stream().map(CertificateOrder::getOrderNumber).toList();
    }
}
