package com.certportal.export;

import static com.certportal.support.Fixtures.PaymentChoice.bankTransfer;
import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.account.CurrentMember;
import com.certportal.catalog.Product;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderSearch;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import com.certportal.support.PostgresIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 9: `/orders.csv` takes the list's parameters and holds exactly the rows the list shows on all
 * its pages (L2, visibility by role); UTF-8 with a byte order mark so that Japanese survives a
 * spreadsheet; headings and values in the member's language. `/refunds.csv` for finance (P2).
 */
class CsvExportTest extends PostgresIntegrationTest {

    private static final String ADMIN = "admin@example.com";
    private static final String USER = "user@example.com";

    @Autowired
    private OrderFinder finder;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "status=issued", "q=example.co.jp", "status=pending&q=user", "status=REVOKED&size=10"})
    void theCsvHoldsExactlyTheRowsOfEveryPageOfTheList_L2(String query) {
        for (String email : List.of(ADMIN, USER)) {
            CurrentMember member = fixtures.principal(email);
            List<List<String>> rows = csv(get("/orders.csv?" + query, member, "en"));

            assertThat(rows.get(0)).startsWith("Order #", "Common name").hasSize(9);
            assertThat(rows.subList(1, rows.size()))
                    .extracting(r -> r.get(0))
                    .as("%s as %s", query, email)
                    .isEqualTo(listedOnEveryPage(query, member));
            if (email.equals(USER)) {
                assertThat(rows.subList(1, rows.size()))
                        .allSatisfy(r -> assertThat(r.get(5)).isEqualTo(USER));
            }
        }
    }

    @Test
    void japaneseSurvivesTheRoundTripWithAByteOrderMark() {
        MvcTestResult result = get("/orders.csv?q={q}", fixtures.principal(ADMIN), "ja", "ＩＳＳＵＥＤ－２９Ｄ");

        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"orders-")
                .endsWith(".csv\"");
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = csv(result);
        assertThat(rows.get(0))
                .containsExactly(
                        "オーダー番号",
                        "コモンネーム",
                        "サブジェクト代替名 (SAN)",
                        "製品",
                        "ステータス",
                        "申請者",
                        "申請日時 (Asia/Tokyo)",
                        "初回発行日 (Asia/Tokyo)",
                        "有効期限 (Asia/Tokyo)");
        assertThat(rows).hasSize(2);
        List<String> row = rows.get(1);
        assertThat(row.get(1)).isEqualTo("issued-29d-card.example.com");
        assertThat(row.get(2)).isEqualTo("issued-29d-card.example.com www.issued-29d-card.example.com");
        assertThat(row.get(3)).isEqualTo("TLS/SSL 企業認証 (OV)");
        assertThat(row.get(4)).isEqualTo("発行済み");
        assertThat(row.get(6)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(row.get(8)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        String listed = Pages.body(mvc.get()
                .uri("/orders?q=issued-29d")
                .header("Accept-Language", "ja")
                .with(user(fixtures.principal(ADMIN)))
                .exchange());
        assertThat(listed).contains(row.get(3), row.get(4), row.get(0));
    }

    @Test
    void theListLinksToItsCsvWithTheSameParameters() {
        String page =
                Pages.body(get("/orders?status=issued&q=example&page=2&size=10", fixtures.principal(ADMIN), "en"));

        assertThat(Pages.links(page, "download")).containsExactly("/orders.csv?status=issued&q=example&size=10");
    }

    @Test
    void malformedParametersAreABadRequestAsOnTheList() {
        assertThat(get("/orders.csv?status=bogus", fixtures.principal(ADMIN), "en"))
                .hasStatus(400);
        assertThat(get("/orders.csv?status=issued%0d", fixtures.principal(ADMIN), "en"))
                .hasStatus(400);
        assertThat(mvc.get().uri("/orders.csv").exchange()).hasStatus3xxRedirection();
    }

    /** All pages, a chunk at a time, in the list's order: the chunks neither skip nor repeat an order. */
    @Test
    void chunksFollowEachOtherWithoutGapsOrRepeats() {
        TestAccount account = fixtures.newAccount();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            clock.advance(i % 3 == 0 ? Duration.ZERO : Duration.ofSeconds(1)); // some share an instant
            placed.add(0, fixtures.pending(account.admin(), Product.TLS_DV, "chunk-" + i + ".example.com", card()));
        }
        fixtures.issued(account.user(), Product.TLS_OV, "chunk-user.example.com", bankTransfer(false), clock.instant());
        clock.reset();

        List<String> seen = new ArrayList<>();
        finder.forEachMatching(
                OrderSearch.of(Optional.empty(), Optional.of("chunk-"), 1),
                account.admin(),
                2,
                (CertificateOrder order) -> seen.add(order.getOrderNumber()));

        assertThat(seen).hasSize(8).doesNotHaveDuplicates().containsAll(placed);
        assertThat(seen).isEqualTo(listedOnEveryPage("q=chunk-", account.admin()));
    }

    @Test
    void refundCasesAsCsvForFinanceOnly_P2() {
        MvcTestResult finance = get("/refunds.csv", fixtures.principal("finance@example.com"), "en");
        assertThat(finance).hasStatusOk();
        assertThat(csv(finance).get(0)).startsWith("Status", "Order #", "Common name", "Amount", "Currency");
        assertThat(get("/refunds.csv", fixtures.principal(USER), "en")).hasStatus(403);
    }

    /** Every row of the list, page after page, following its "Next" links (keyset pages, issue 10). */
    private List<String> listedOnEveryPage(String query, CurrentMember member) {
        List<String> numbers = new ArrayList<>();
        String page = "/orders?" + query.replaceAll("(^|&)size=\\d+", "") + "&size=100";
        for (int read = 0; read < 1000 && page != null; read++) {
            String body = Pages.body(get(page, member, "en"));
            numbers.addAll(Pages.orderRows(body));
            Matcher next = NEXT_LINK.matcher(body);
            page = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        return numbers;
    }

    private static final Pattern NEXT_LINK = Pattern.compile("href=\"([^\"]+)\"\\s+rel=\"next\"");

    private MvcTestResult get(String uri, CurrentMember member, String language, Object... variables) {
        return mvc.get()
                .uri(uri, variables)
                .header("Accept-Language", language)
                .with(user(member))
                .exchange();
    }

    /** RFC 4180, as a spreadsheet reads it: after the byte order mark, quoted fields, CR LF rows. */
    static List<List<String>> csv(MvcTestResult result) {
        String text = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(row).as("the last row ends with CR LF").isEmpty();
        return rows;
    }
}
