package com.certportal.order.web;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.catalog.Product;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import com.certportal.support.PostgresIntegrationTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * L2 and L4 through the web: the status filter, the search, the page and the page size come from the
 * URL, the form shows them, and every link the list renders (paging, quick view, closing it, language)
 * keeps them, so that a filtered list can be bookmarked and shared.
 */
class OrderListUrlTest extends PostgresIntegrationTest {

    private TestAccount account;

    /** The twelve issued "shop" orders, newest first. */
    private final List<String> issuedShops = new ArrayList<>();

    @BeforeEach
    void orders() {
        clock.set(Instant.parse("2026-02-01T00:00:00Z"));
        account = fixtures.newAccount();
        for (int i = 1; i <= 12; i++) {
            clock.advance(Duration.ofMinutes(1));
            issuedShops.add(
                    0,
                    fixtures.issued(
                            account.user(), Product.TLS_DV, "shop-" + i + ".example.com", card(), clock.instant()));
            fixtures.pending(account.user(), Product.TLS_DV, "shop-pending-" + i + ".example.com", card());
            fixtures.issued(account.user(), Product.TLS_DV, "api-" + i + ".example.com", card(), clock.instant());
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theFiltersInTheUrlSelectTheRowsAndFillTheForm() {
        // D3: the DV certificates (199 days) issued in February expire within 90 days by June.
        clock.advance(Duration.ofDays(120));
        String page = page("/orders?status=issued&q=SHOP&size=10&sort=first_issued&expiring=90");

        assertThat(Pages.orderRows(page)).containsExactlyElementsOf(issuedShops.subList(0, 10));
        assertThat(page)
                .contains("<option value=\"issued\" selected=\"selected\">")
                .contains("value=\"SHOP\"")
                .contains("<option value=\"10\" selected=\"selected\">10</option>")
                .contains("<option value=\"first_issued\" selected=\"selected\">")
                .contains("<option value=\"90\" selected=\"selected\">")
                .contains("10 shown of 12 orders");
    }

    /**
     * D3, issue 10: orders expiring soon are listed soonest first unless another sort is asked for; the
     * sort menu offers that order as the filter's own (an empty value), so choosing the filter in the form
     * brings it along, and an explicit sort still wins.
     */
    @Test
    void ordersExpiringSoonAreListedSoonestFirstUnlessAnotherSortIsChosen() {
        clock.advance(Duration.ofDays(120));
        List<String> soonestFirst = new ArrayList<>(issuedShops);
        Collections.reverse(soonestFirst);

        String filtered = page("/orders?q=shop&expiring=90&sort=");

        assertThat(Pages.orderRows(filtered)).containsExactlyElementsOf(soonestFirst);
        assertThat(filtered)
                .contains("<option value=\"\" selected=\"selected\">Soonest expiry first</option>")
                .contains("<option value=\"placed\">Newest order first</option>");
        assertThat(Pages.orderRows(page("/orders?q=shop&expiring=90&sort=placed")))
                .containsExactlyElementsOf(issuedShops);
        assertThat(page("/orders?q=shop&sort="))
                .as("without the filter, newest first is the menu's own")
                .contains("<option value=\"\" selected=\"selected\">Newest order first</option>")
                .contains("<option value=\"expiry\">Soonest expiry first</option>");
    }

    /** L4, issue 10: the next page starts after the last order shown; both links keep the list's URL. */
    @Test
    void pagingLinksKeepTheFiltersAndThePageSize() {
        String first = page("/orders?status=issued&q=shop&size=10");

        List<String> next = Pages.links(first, "rel=\"next\"");
        assertThat(next).hasSize(1);
        assertThat(formParameters(next.get(0)))
                .containsEntry("status", "issued")
                .containsEntry("q", "shop")
                .containsEntry("size", "10")
                .containsKey("after");
        assertThat(Pages.links(first, "rel=\"prev\"")).isEmpty();

        String second = page(next.get(0));

        assertThat(Pages.orderRows(second)).containsExactlyElementsOf(issuedShops.subList(10, 12));
        assertThat(Pages.links(second, "rel=\"next\"")).isEmpty();
        List<String> previous = Pages.links(second, "rel=\"prev\"");
        assertThat(formParameters(previous.get(0)))
                .containsEntry("status", "issued")
                .containsEntry("q", "shop")
                .containsEntry("size", "10")
                .containsKey("before");
        assertThat(Pages.orderRows(page(previous.get(0)))).containsExactlyElementsOf(issuedShops.subList(0, 10));
    }

    /** L3 + L4: opening a quick view keeps the list's URL and adds the order; closing removes only that. */
    @Test
    void quickViewLinksKeepTheListUrlAndCanBeBookmarked() {
        String secondPage = Pages.links(page("/orders?status=issued&q=shop&size=10"), "rel=\"next\"")
                .get(0);
        String first = page(secondPage);
        String order = issuedShops.get(10);

        assertThat(Pages.links(first, "data-quick-view=\"" + order + "\""))
                .containsExactly(secondPage + "&view=" + order);

        String bookmarked = page(secondPage + "&view=" + order);

        assertThat(Pages.orderRows(bookmarked)).containsExactlyElementsOf(issuedShops.subList(10, 12));
        assertThat(bookmarked).contains("id=\"quick-view\"");
        assertThat(Pages.links(bookmarked, "data-quick-view-close")).containsExactly(secondPage);
        assertThat(Pages.links(bookmarked, "rel=\"prev\""))
                .as("paging keeps the open quick view")
                .singleElement()
                .satisfies(link -> assertThat(formParameters(link)).containsEntry("view", order));
    }

    @Test
    void languageLinksKeepThePageItsFiltersAndItsPaging() {
        String secondPage = Pages.links(page("/orders?status=issued&q=shop&size=10"), "rel=\"next\"")
                .get(0);
        String page = page(secondPage);

        assertThat(Pages.links(page, "lang=\"ja\"")).containsExactly(secondPage + "&lang=ja");
        assertThat(Pages.links(page, "lang=\"en\"")).containsExactly(secondPage + "&lang=en");
    }

    /**
     * Search text with characters that mean something in a query string survives the round trip through
     * the links: a browser and the servlet container read the query as form data, so `&`, `=`, `%` and
     * `#` must be escaped in the links the list renders.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a&b=c", "50% #1", "東京"})
    void searchTextWithReservedCharactersSurvivesThePagingAndQuickViewLinks(String text) {
        assertSearchTextSurvivesTheLinks(text);
    }

    /**
     * `+` in a query means a space to the servlet container, so a literal `+` (a plus-addressed email,
     * "c++") must be sent as `%2B`. Fails today: OrderListParams.url encodes with
     * UriComponentsBuilder.encode(), which leaves `+` as is.
     */
    @Test
    void aPlusInTheSearchTextSurvivesThePagingAndQuickViewLinks() {
        assertSearchTextSurvivesTheLinks("tls+ci");
    }

    /**
     * A bookmarked page can start after the last order once the orders behind it changed: it shows no
     * rows, claims none, and leads back to the first page.
     */
    @Test
    void aPageAfterTheLastOrderSaysSoAndLeadsBackToTheFirst() {
        assertThat(Pages.links(page("/orders?status=issued&q=shop&size=25"), "rel=\"next\""))
                .as("twelve orders fit on one page of 25")
                .isEmpty();
        String oldest = issuedShops.get(11);
        String past = "/orders?status=issued&q=shop&size=10&after=" + cursorOf(oldest);

        String page = page(past);

        assertThat(Pages.orderRows(page)).isEmpty();
        assertThat(page).doesNotContain("shown of").contains("No more orders");
        assertThat(Pages.links(page, "data-first-page")).containsExactly("/orders?status=issued&q=shop&size=10");
    }

    private String cursorOf(String orderNumber) {
        return fixtures.withOrder(
                orderNumber,
                order -> order.getCreatedAt().getEpochSecond() + "."
                        + order.getCreatedAt().getNano() + "_" + order.getId());
    }

    private void assertSearchTextSurvivesTheLinks(String text) {
        for (int i = 1; i <= 11; i++) {
            fixtures.pending(account.admin(), Product.TLS_DV, text + "-" + i + ".example.com", card());
        }
        MvcTestResult result = mvc.get()
                .uri("/orders")
                .param("q", text)
                .param("size", "10")
                .with(user(account.admin()))
                .exchange();
        String page = Pages.body(result);
        List<String> links = new ArrayList<>(Pages.links(page, "rel=\"next\""));
        links.addAll(Pages.links(page, "data-quick-view="));

        assertThat(Pages.orderRows(page)).as(text).hasSize(10);
        assertThat(links)
                .as(text)
                .hasSize(11)
                .allSatisfy(link -> assertThat(formParameters(link))
                        .as(link)
                        .containsEntry("q", text)
                        .containsEntry("size", "10"));
    }

    private String page(String uri) {
        MvcTestResult result = mvc.get().uri(uri).with(user(account.user())).exchange();
        assertThat(result).as(uri).hasStatusOk();
        return Pages.body(result);
    }

    /** The query of a link as a browser's server reads it (application/x-www-form-urlencoded). */
    private static Map<String, String> formParameters(String link) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = link.substring(link.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
