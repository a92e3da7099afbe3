package com.certportal.order.web;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static com.certportal.support.Fixtures.PaymentChoice.voucher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.account.CurrentMember;
import com.certportal.catalog.Product;
import com.certportal.order.RevocationReason;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import com.certportal.support.PostgresIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * L4: the bookmarkable order page shows the order as the rules describe it: its first issue date and
 * refund deadline (R3, R4), a reissue's scheduled revocation (K2), the outcome of a revocation (R3) and
 * how it was paid; times in the member's zone (Asia/Tokyo by default).
 */
class OrderDetailPageTest extends PostgresIntegrationTest {

    /** 2026-05-10 18:30:15 in Tokyo. */
    private static final Instant FIRST_ISSUED = Instant.parse("2026-05-10T09:30:15Z");

    /** The value beside the refund deadline's label (order.refund-deadline), in either language. */
    private static final Pattern REFUND_DEADLINE = Pattern.compile(
            "<dt>(?:Revocation counts as a cancellation until|失効がキャンセル扱いになる期限)</dt>\\s*<dd>(.*?)</dd>", Pattern.DOTALL);

    private TestAccount account;

    @BeforeEach
    void account() {
        clock.set(Instant.parse("2026-05-08T00:00:00Z"));
        account = fixtures.newAccount();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anIssuedOrderShowsItsFactsFirstIssueDateAndRefundDeadline() {
        String order = fixtures.issued(account.user(), Product.TLS_OV, "Detail.Example.com", voucher(), FIRST_ISSUED);

        String page = detail(order, account.user());

        assertThat(Pages.title(page)).isEqualTo("Order " + order + " | CertPortal");
        assertThat(page)
                .contains("<dd>" + order + "</dd>")
                .contains("<dd>Issued</dd>")
                .contains("<dd>TLS/SSL OV</dd>")
                .contains("<dd class=\"cn\">detail.example.com</dd>")
                .contains("<li>detail.example.com</li>", "<li>www.detail.example.com</li>")
                .contains(account.user().email())
                .contains("2026-05-10 18:30:15 JST") // first issue date
                .contains("2026-06-09 18:30:15 JST") // R4: first issue + 30 x 24 h
                .contains("<dd>Voucher</dd>", "TEST-", "(<span>used</span>)");
        assertThat(page.split("<code class=\"serial\">", -1)).hasSize(2);
    }

    @Test
    void aPendingOrderIsNotIssuedYetAndHasNoDeadline() {
        String order = fixtures.pending(account.user(), Product.TLS_DV, "waiting.example.com", card());

        String page = detail(order, account.user());

        assertThat(page)
                .contains("<dd>Pending</dd>", "Not issued yet", "No certificate has been issued yet.")
                .doesNotContain("Revocation counts as a cancellation until");
    }

    /** K2: the original certificate shows when the reissue with a new common name will revoke it. */
    @Test
    void aReissueWithANewCommonNameShowsWhenTheOriginalWillBeRevoked() {
        String order = fixtures.issued(account.user(), Product.TLS_OV, "old-name.example.com", card(), FIRST_ISSUED);
        Instant reissuedAt = FIRST_ISSUED.plus(Duration.ofDays(2));
        fixtures.reissue(order, "new-name.example.com", List.of("new-name.example.com"), reissuedAt);

        String page = detail(order, account.user());

        // K2: 2026-05-12 18:30 JST + 48 h
        assertThat(page)
                .contains("Scheduled for revocation (superseded) at 2026-05-14 18:30 JST", "Revocation pending")
                .contains(">old-name.example.com</td>", ">new-name.example.com</td>")
                .contains("2026-05-10 18:30:15 JST");
        assertThat(page.split("Scheduled for revocation", -1)).hasSize(2);
    }

    /** R3: the page tells whether the revocation counted as a cancellation. */
    @Test
    void aRevokedOrderShowsWhetherItWasTreatedAsACancellation() {
        String inside = revoked(FIRST_ISSUED.plus(Duration.ofDays(30)));
        String outside = revoked(FIRST_ISSUED.plus(Duration.ofDays(30)).plusSeconds(1));

        assertThat(detail(inside, account.admin()))
                .contains("<dd>Revoked</dd>", "treated as a cancellation", "Key compromise")
                .doesNotContain("revocation only");
        assertThat(detail(outside, account.admin()))
                .contains("<dd>Revoked</dd>", "revocation only, no refund")
                .doesNotContain("treated as a cancellation");
    }

    /**
     * Issue 9, finding 9 (R3, R4): once the refund deadline is over the page says so beside it; on its
     * last second a revocation still counts as a cancellation (inclusive), so it is not over yet.
     */
    @Test
    void aRefundDeadlineIsMarkedAsPassedFromTheSecondAfterIt_R3_R4() {
        String order = fixtures.issued(account.user(), Product.TLS_OV, "deadline.example.com", card(), FIRST_ISSUED);
        Instant deadline = FIRST_ISSUED.plus(Duration.ofDays(30));

        clock.set(deadline);
        String onTheDeadline = refundDeadline(order, "en");
        String onTheDeadlineJa = refundDeadline(order, "ja");
        clock.set(deadline.plusSeconds(1));
        String aSecondLater = refundDeadline(order, "en");
        String aSecondLaterJa = refundDeadline(order, "ja");

        assertThat(onTheDeadline).isEqualTo("2026-06-09 18:30:15 JST");
        assertThat(onTheDeadlineJa).isEqualTo("2026-06-09 18:30:15 JST");
        assertThat(aSecondLater).isEqualTo("2026-06-09 18:30:15 JST passed");
        assertThat(aSecondLaterJa).isEqualTo("2026-06-09 18:30:15 JST 期限切れ");
    }

    @Test
    void theOrderPageIsInJapaneseForAJapaneseMember() {
        String order = fixtures.issued(account.user(), Product.TLS_OV, "ja.example.com", card(), FIRST_ISSUED);

        MvcTestResult result = mvc.get()
                .uri("/orders/" + order)
                .header("Accept-Language", "ja")
                .with(user(account.user()))
                .exchange();

        assertThat(Pages.main(Pages.body(result))).contains("オーダー " + order, "初回発行日", "発行済み", "証明書アクション", "クレジットカード");
    }

    private String revoked(Instant submittedAt) {
        String order = fixtures.issued(account.user(), Product.TLS_DV, "revoked.example.com", card(), FIRST_ISSUED);
        fixtures.withOrder(order, o -> {
            o.revoke(
                    o.getRequester(),
                    RevocationReason.KEY_COMPROMISE,
                    null,
                    submittedAt,
                    submittedAt.plus(Duration.ofDays(2)));
            return o;
        });
        return order;
    }

    /** What the order page shows beside "Revocation counts as a cancellation until", in {@code language}. */
    private String refundDeadline(String orderNumber, String language) {
        MvcTestResult result = mvc.get()
                .uri("/orders/" + orderNumber)
                .header("Accept-Language", language)
                .with(user(account.user()))
                .exchange();
        assertThat(result).hasStatusOk();
        Matcher deadline = REFUND_DEADLINE.matcher(Pages.body(result));
        assertThat(deadline.find()).as("the refund deadline's line").isTrue();
        return Pages.visibleText(deadline.group(1));
    }

    private String detail(String orderNumber, CurrentMember member) {
        MvcTestResult result = mvc.get()
                .uri("/orders/" + orderNumber)
                .header("Accept-Language", "en")
                .with(user(member))
                .exchange();
        assertThat(result).hasStatusOk();
        return Pages.body(result);
    }
}
