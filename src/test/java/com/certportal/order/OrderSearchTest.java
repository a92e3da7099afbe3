package com.certportal.order;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.CurrentMember;
import com.certportal.catalog.Product;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.PostgresIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * L2 on PostgreSQL: the status filter and the free-text search (case-insensitive substring of the
 * common name, any SAN, the requester's email and the order number), newest first and paged. Each test
 * works in an account of its own, so every expected result is exact.
 */
class OrderSearchTest extends PostgresIntegrationTest {

    private static final Instant BASE = Instant.parse("2026-01-10T00:00:00Z");

    @Autowired
    private OrderFinder finder;

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

    @Test
    void searchMatchesASubstringOfTheCommonNameWhateverItsCase() {
        String alpha = pending(account.user(), "Alpha.Example.com");
        pending(account.user(), "beta.example.net");

        assertThat(numbers(search("ALPHA.EXAM"))).containsExactly(alpha);
        assertThat(numbers(search("pha.example.C"))).containsExactly(alpha);
        assertThat(numbers(search("  alpha  ")))
                .as("surrounding spaces ignored")
                .containsExactly(alpha);
    }

    /** L2: any SAN, not only the first, and a SAN that shares nothing with the common name. */
    @Test
    void searchMatchesAnySubjectAltNameThatIsNotTheCommonName() {
        String beta = issued(account.user(), "beta.example.net");
        fixtures.reissue(
                beta,
                "beta.example.net",
                List.of("beta.example.net", "mail.example.net", "Legacy-Host.Internal.test"),
                clock.instant());
        String gamma = pending(account.user(), "gamma.example.org");

        assertThat(numbers(search("LEGACY-HOST.internal"))).containsExactly(beta);
        assertThat(numbers(search("host.internal.test"))).containsExactly(beta);
        assertThat(numbers(search("www.gamma"))).containsExactly(gamma);
        assertThat(numbers(search("mail.example"))).containsExactly(beta);
    }

    @Test
    void searchMatchesTheRequesterEmailWhateverItsCase() {
        String byUser = pending(account.user(), "one.example.com");
        String byAdmin = pending(account.admin(), "two.example.com");
        String alsoByAdmin = pending(account.admin(), "three.example.com");

        assertThat(numbers(search(account.admin().email().toUpperCase(Locale.ROOT))))
                .containsExactlyInAnyOrder(byAdmin, alsoByAdmin);
        assertThat(numbers(search("USER-" + account.tag()))).containsExactly(byUser);
        assertThat(numbers(search("@test.EXAMPLE"))).containsExactlyInAnyOrder(byUser, byAdmin, alsoByAdmin);
    }

    @Test
    void searchMatchesTheOrderNumberWholeOrInPart() {
        String first = pending(account.user(), "one.example.com");
        String second = pending(account.user(), "two.example.com");

        assertThat(numbers(search(first))).containsExactly(first);
        assertThat(numbers(search(second.substring(1)))).containsExactly(second);
    }

    /** `%`, `_` and the escape character itself are searched for, never used as LIKE wildcards. */
    @Test
    void likeWildcardsInTheSearchTextAreMatchedLiterally() {
        String percent = pending(account.user(), "percent%sign.example");
        String underscore = pending(account.user(), "under_score.example");
        pending(account.user(), "underXscore.example");
        String backslash = pending(account.user(), "back\\slash.example");
        pending(account.user(), "plain.example");

        assertThat(numbers(search("%"))).containsExactly(percent);
        assertThat(numbers(search("t%s"))).containsExactly(percent);
        assertThat(numbers(search("_"))).containsExactly(underscore);
        assertThat(numbers(search("r_s"))).containsExactly(underscore);
        assertThat(numbers(search("\\"))).containsExactly(backslash);
        assertThat(numbers(search("k\\s"))).containsExactly(backslash);
        assertThat(numbers(search("%%"))).isEmpty();
    }

    @Test
    void theStatusFilterKeepsOnlyOrdersInThatStatusAndCombinesWithTheSearch() {
        String pendingShop = pending(account.user(), "shop.example.com");
        String issuedShop = issued(account.user(), "shop2.example.com");
        String issuedApi = issued(account.user(), "api.example.com");
        String canceled = pending(account.user(), "old.example.com");
        fixtures.withOrder(canceled, order -> {
            order.cancel(order.getRequester(), clock.instant());
            return order;
        });

        assertThat(numbers(search(OrderStatus.ISSUED, null))).containsExactlyInAnyOrder(issuedShop, issuedApi);
        assertThat(numbers(search(OrderStatus.PENDING, null))).containsExactly(pendingShop);
        assertThat(numbers(search(OrderStatus.CANCELED, null))).containsExactly(canceled);
        assertThat(numbers(search(OrderStatus.REVOKED, null))).isEmpty();
        assertThat(numbers(search(OrderStatus.ISSUED, "shop"))).containsExactly(issuedShop);
    }

    /** Newest first by the instant the order was placed; orders placed in the same instant, last placed first. */
    @Test
    void resultsAreNewestFirst() {
        String oldest = pending(account.user(), "a.example.com");
        clock.advance(Duration.ofDays(3));
        String newest = pending(account.user(), "b.example.com");
        clock.set(BASE.plus(Duration.ofDays(1)));
        String middle = pending(account.user(), "c.example.com");
        String middleButPlacedLater = pending(account.user(), "d.example.com");

        assertThat(numbers(search((OrderStatus) null, null)))
                .containsExactly(newest, middleButPlacedLater, middle, oldest);
    }

    /** L4, issue 10: pages follow each other by cursor (no offset); the count covers the whole result. */
    @Test
    void pagesFollowEachOtherByCursorForwardAndBackAndTheCountCoversTheWholeResult() {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            clock.advance(Duration.ofMinutes(1));
            newestFirst.add(0, pending(account.user(), "host-" + i + ".example.com"));
        }
        OrderSearch firstPage = OrderSearch.of(Optional.empty(), Optional.empty(), 10);

        OrderListPage first = finder.search(firstPage, account.admin());
        OrderListPage second = finder.search(firstPage.after(first.next()), account.admin());
        OrderListPage last = finder.search(firstPage.after(second.next()), account.admin());
        OrderListPage backToSecond = finder.search(firstPage.before(last.previous()), account.admin());
        OrderListPage backToFirst = finder.search(firstPage.before(second.previous()), account.admin());

        assertThat(numbers(first)).containsExactlyElementsOf(newestFirst.subList(0, 10));
        assertThat(first.hasPrevious()).isFalse();
        assertThat(numbers(second)).containsExactlyElementsOf(newestFirst.subList(10, 20));
        assertThat(second.total()).isEqualTo(23);
        assertThat(second.totalCapped()).isFalse();
        assertThat(numbers(last)).containsExactlyElementsOf(newestFirst.subList(20, 23));
        assertThat(last.hasNext()).isFalse();
        assertThat(numbers(backToSecond)).isEqualTo(numbers(second));
        assertThat(numbers(backToFirst)).isEqualTo(numbers(first));
        assertThat(backToFirst.hasPrevious()).isFalse();
    }

    @Test
    void pagingAppliesToTheFilteredResult() {
        List<String> matching = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            clock.advance(Duration.ofMinutes(1));
            matching.add(0, pending(account.user(), "match-" + i + ".example.com"));
            pending(account.user(), "other-" + i + ".example.com");
        }
        OrderSearch search = OrderSearch.of(Optional.empty(), Optional.of("MATCH-"), 10);

        OrderListPage second = finder.search(
                search.after(finder.search(search, account.admin()).next()), account.admin());

        assertThat(numbers(second)).containsExactlyElementsOf(matching.subList(10, 12));
        assertThat(second.total()).isEqualTo(12);
    }

    /** Roles: a user's search covers only the orders it requested, whatever it searches for. */
    @Test
    void aUsersSearchNeverFindsOrdersItDidNotRequest() {
        String usersOwn = pending(account.user(), "shared-name.example.com");
        String admins = pending(account.admin(), "shared-name.example.com");

        assertThat(numbers(search(account.user(), "shared-name"))).containsExactly(usersOwn);
        assertThat(numbers(search(account.user(), admins))).isEmpty();
        assertThat(numbers(search(account.user(), account.admin().email()))).isEmpty();
        assertThat(numbers(search(account.finance(), "shared-name"))).containsExactlyInAnyOrder(usersOwn, admins);
    }

    /** Accounts are separate customers: not even an exact order number finds another account's order. */
    @Test
    void aSearchNeverFindsAnotherAccountsOrders() {
        TestAccount other = fixtures.newAccount();
        String foreign = pending(other.user(), "same-name.example.com");
        String own = pending(account.user(), "same-name.example.com");

        assertThat(numbers(search("same-name"))).containsExactly(own);
        assertThat(numbers(search(foreign))).isEmpty();
        assertThat(numbers(search(other.user().email()))).isEmpty();
    }

    private String pending(CurrentMember requester, String commonName) {
        return fixtures.pending(requester, Product.TLS_DV, commonName, card());
    }

    private String issued(CurrentMember requester, String commonName) {
        return fixtures.issued(requester, Product.TLS_DV, commonName, card(), clock.instant());
    }

    private OrderListPage search(String text) {
        return search(account.admin(), text);
    }

    private OrderListPage search(CurrentMember member, String text) {
        return finder.search(OrderSearch.of(Optional.empty(), Optional.ofNullable(text), 100), member);
    }

    private OrderListPage search(OrderStatus status, String text) {
        return finder.search(
                OrderSearch.of(Optional.ofNullable(status), Optional.ofNullable(text), 100), account.admin());
    }

    private static List<String> numbers(OrderListPage page) {
        return page.orders().stream().map(CertificateOrder::getOrderNumber).toList();
    }
}
