package com.certportal.account.web;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.certportal.catalog.Product;
import com.certportal.support.BrowserSession;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import com.certportal.support.PostgresIntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Times are shown in Asia/Tokyo unless the member chose another zone at /settings; the choice applies
 * at once, to every page, and is kept for the next sign-in (R4 shows the refund deadline this way).
 */
class TimeZoneSettingsTest extends PostgresIntegrationTest {

    /** 2025-01-15 09:00:00 in Tokyo, 2025-01-14 19:00:00 in New York. */
    private static final Instant FIRST_ISSUED = Instant.parse("2025-01-15T00:00:00Z");

    private TestAccount account;
    private String orderNumber;

    @BeforeEach
    void issuedOrder() {
        clock.set(Instant.parse("2025-01-13T00:00:00Z"));
        account = fixtures.newAccount();
        orderNumber = fixtures.issued(account.user(), Product.TLS_OV, "zone.example.com", card(), FIRST_ISSUED);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void timesAreShownInTokyoTimeByDefault() {
        BrowserSession session = signIn(account.user().email());

        assertThat(page("/orders/" + orderNumber, session))
                .contains("2025-01-15 09:00:00 JST") // first issue date
                .contains("2025-02-14 09:00:00 JST"); // R4: refund deadline, first issue + 30 days
        assertThat(page("/orders", session)).contains("2025-01-15 09:00 JST");
        assertThat(page("/settings", session)).contains("<option value=\"Asia/Tokyo\" selected=\"selected\">");
    }

    @Test
    void choosingAnotherTimeZoneChangesEveryTimeShownAtOnce() {
        BrowserSession session = signIn(account.user().email());

        MvcTestResult saved = session.exchange(mvc.post()
                .uri("/settings")
                .param("timeZone", "America/New_York")
                .with(csrf()));

        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/settings");
        assertThat(page("/settings", session))
                .contains("Your settings were saved.")
                .contains("<option value=\"America/New_York\" selected=\"selected\">");
        assertThat(page("/orders/" + orderNumber, session))
                .contains("2025-01-14 19:00:00 EST", "2025-02-13 19:00:00 EST")
                .doesNotContain("JST");
        assertThat(page("/orders", session)).contains("2025-01-14 19:00 EST");
        assertThat(page("/orders?view=" + orderNumber, session)).contains("2025-01-14 19:00 EST");
    }

    @Test
    void theChosenTimeZoneIsKeptForTheNextSignIn() {
        BrowserSession first = signIn(account.user().email());
        first.exchange(mvc.post().uri("/settings").param("timeZone", "UTC").with(csrf()));

        BrowserSession next = signIn(account.user().email());

        assertThat(page("/orders/" + orderNumber, next)).contains("2025-01-15 00:00:00 UTC");
    }

    @Test
    void oneMembersChoiceDoesNotChangeWhatOthersSee() {
        BrowserSession user = signIn(account.user().email());
        user.exchange(
                mvc.post().uri("/settings").param("timeZone", "Europe/London").with(csrf()));

        BrowserSession admin = signIn(account.admin().email());

        assertThat(page("/orders/" + orderNumber, user)).contains("2025-01-15 00:00:00 GMT");
        assertThat(page("/orders/" + orderNumber, admin)).contains("2025-01-15 09:00:00 JST");
    }

    @Test
    void aTimeZoneOutsideTheListIsRefusedAndNothingChanges() {
        BrowserSession session = signIn(account.user().email());

        for (String zone : new String[] {"Mars/Olympus", "Europe/Paris", ""}) {
            MvcTestResult result = session.exchange(
                    mvc.post().uri("/settings").param("timeZone", zone).with(csrf()));

            assertThat(result).as(zone).hasStatusOk();
            assertThat(Pages.body(result)).contains("Choose a time zone from the list.");
        }
        assertThat(page("/orders/" + orderNumber, session)).contains("2025-01-15 09:00:00 JST");
        assertThat(page("/orders/" + orderNumber, signIn(account.user().email())))
                .contains("2025-01-15 09:00:00 JST");
    }

    /** Fixture members sign in with the password "secret", through the real form login. */
    private BrowserSession signIn(String email) {
        BrowserSession session = browsers.newVisitor();
        MvcTestResult result = session.exchange(mvc.post()
                .uri("/login")
                .param("username", email)
                .param("password", "secret")
                .with(csrf()));
        assertThat(result).hasRedirectedUrl("/orders");
        return session;
    }

    private String page(String uri, BrowserSession session) {
        MvcTestResult result = session.exchange(mvc.get().uri(uri).header("Accept-Language", "en"));
        assertThat(result).as(uri).hasStatusOk();
        return Pages.body(result);
    }
}
