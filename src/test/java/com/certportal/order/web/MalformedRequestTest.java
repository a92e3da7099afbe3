package com.certportal.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.support.Pages;
import com.certportal.support.PostgresIntegrationTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A malformed order number or list parameter is a 400 page in the member's language, never a guess,
 * a 500 or a stack trace (L4: everything in the URL is checked).
 */
class MalformedRequestTest extends PostgresIntegrationTest {

    private static final String ADMIN = "admin@example.com";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("/orders", "status", "bogus"),
                Arguments.of("/orders", "status", "needs-approval"),
                Arguments.of("/orders", "status", "issued\r"),
                Arguments.of("/orders", "status", "issued\u0000"),
                Arguments.of("/orders", "after", "0"),
                Arguments.of("/orders", "after", "1.5"),
                Arguments.of("/orders", "before", "abc_1"),
                Arguments.of("/orders", "sort", "price"),
                Arguments.of("/orders", "expiring", "45"),
                Arguments.of("/orders", "size", "7"),
                Arguments.of("/orders", "size", "0"),
                Arguments.of("/orders", "size", "ten"),
                Arguments.of("/orders", "q", "x".repeat(201)),
                Arguments.of("/orders", "q", "line\nbreak"),
                Arguments.of("/orders", "q", "nul\u0000byte"),
                Arguments.of("/orders", "view", "abc"),
                Arguments.of("/orders", "view", "1234567"),
                Arguments.of("/orders", "view", "12345678 or 1=1"));
    }

    /** Issue 9: a path that is not an order number names no order: the "no such order" page, not "bad request". */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/orders/abc",
                "/orders/1234567",
                "/orders/123456789",
                "/orders/1234567x",
                "/orders/abc/quick-view",
                "/orders/1000000/quick-view",
                "/orders/abc/cancel",
                "/orders/abc/revoke"
            })
    void aPathThatIsNotAnOrderNumberIsTheNoSuchOrderPage(String path) {
        MvcTestResult result =
                mvc.get().uri(path).with(user(fixtures.principal(ADMIN))).exchange();

        assertThat(result.getUnresolvedException()).isNull();
        assertThat(result).hasStatus(404);
        assertThat(Pages.title(Pages.body(result))).isEqualTo("Not found | CertPortal");
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("malformed")
    void aMalformedOrderNumberOrListParameterIsABadRequestPage(String path, String name, String value) {
        MvcTestResult result = name == null
                ? mvc.get().uri(path).with(user(fixtures.principal(ADMIN))).exchange()
                : mvc.get()
                        .uri(path)
                        .param(name, value)
                        .with(user(fixtures.principal(ADMIN)))
                        .exchange();

        assertBadRequestPage(result);
    }

    /** The quick-view fragment checks the list parameters it is opened with, like the list does. */
    @Test
    void theQuickViewFragmentRefusesMalformedListParameters() {
        MvcTestResult result = mvc.get()
                .uri("/orders/10000001/quick-view")
                .param("size", "3")
                .with(user(fixtures.principal(ADMIN)))
                .exchange();

        assertBadRequestPage(result);
    }

    @Test
    void aSearchTextOfTwoHundredCharactersIsAccepted() {
        MvcTestResult result = mvc.get()
                .uri("/orders")
                .param("q", "x".repeat(200))
                .with(user(fixtures.principal(ADMIN)))
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(Pages.body(result)).contains("No orders match.");
    }

    @Test
    void theBadRequestPageIsInJapaneseForAJapaneseBrowser() {
        MvcTestResult result = mvc.get()
                .uri("/orders?status=bogus")
                .header("Accept-Language", "ja-JP,ja;q=0.9")
                .with(user(fixtures.principal(ADMIN)))
                .exchange();

        assertThat(result).hasStatus(400);
        assertThat(Pages.main(Pages.body(result))).contains("不正なリクエスト");
    }

    /**
     * Issue 10: a page is named by the order it follows; a cursor with an id or an instant out of any
     * range is a 400, never a 500, and an old bookmark's `page=` is simply the first page.
     */
    @Test
    void aCursorOutOfRangeIsABadRequestAndAnOldPageNumberIsTheFirstPage() {
        MvcTestResult huge = mvc.get()
                .uri("/orders")
                .param("after", "999999999999.999999999_999999999999999999")
                .with(user(fixtures.principal(ADMIN)))
                .exchange();
        MvcTestResult oldBookmark = mvc.get()
                .uri("/orders")
                .param("page", "100000000")
                .with(user(fixtures.principal(ADMIN)))
                .exchange();

        assertThat(huge.getUnresolvedException()).isNull();
        assertThat(huge.getResponse().getStatus()).isIn(200, 400);
        assertThat(oldBookmark).hasStatusOk();
        assertThat(Pages.orderRows(Pages.body(oldBookmark))).isNotEmpty();
    }

    private static void assertBadRequestPage(MvcTestResult result) {
        assertThat(result.getUnresolvedException())
                .as("unhandled exception %s", result.getUnresolvedException())
                .isNull();
        assertThat(result).hasStatus(400);
        String page = Pages.body(result);
        assertThat(Pages.title(page)).isEqualTo("Bad request | CertPortal");
        assertThat(Pages.main(page))
                .contains("The address or one of its parameters is not valid.")
                .doesNotContain("Exception", "at com.", "at org.");
    }
}
