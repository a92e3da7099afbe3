package com.certportal.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import com.certportal.catalog.Product;
import com.certportal.demo.DemoSignIns;
import com.certportal.order.CertificateOrder;
import com.certportal.pki.TestCsrs;
import com.certportal.reissue.DuplicateCertificate;
import com.certportal.reissue.Reissues;
import com.certportal.support.Browser;
import com.certportal.support.BrowserJourneyTest;
import com.certportal.support.Fixtures;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The order list, the list with quick view open, and an order's page, at 1400x900 in each language,
 * saved to target/screenshots for review (docs/screenshots keeps the reviewed set). Only the waits
 * are checked here; the behaviour is {@link OrdersJourneyIT}'s.
 */
class PortalScreenshotsIT extends BrowserJourneyTest {

    @Autowired
    private Reissues reissues;

    private static final String COMMON_NAME = "issued-29d-card.example.com";

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void listQuickViewAndOrderPage(String language) {
        Browser browser = signedIn("user@example.com", DemoSignIns.PASSWORD, language);
        browser.waitUntil(urlMatches("/orders$"));
        browser.visible(By.cssSelector("table.orders"));
        assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo(language);
        assertSaved(browser.screenshot("orders-list-" + language));

        WebElement row =
                browser.find(By.xpath("//table[contains(@class,'orders')]//tr[td[contains(@class,'cn')]/span[text()='"
                        + COMMON_NAME + "']]"));
        String orderNumber = row.getDomAttribute("data-order");
        row.findElement(By.cssSelector("a[data-quick-view]")).click();
        browser.visible(By.cssSelector("aside#quick-view[data-order='" + orderNumber + "']"));
        // The panel takes focus on its heading; the focus ring is part of what a user sees.
        assertSaved(browser.screenshot("orders-quick-view-" + language));

        row.findElement(By.cssSelector("td.number a:not(.quick-view-link)")).click();
        browser.waitUntil(urlMatches("/orders/" + orderNumber + "$"));
        browser.visible(By.cssSelector(".cn-large"));
        assertSaved(browser.screenshot("order-detail-" + language));
    }

    /**
     * The pages of the core journeys (C, R, A, P, T): the revoke form with its R4 outcome, the approval
     * page, the cancellation confirmation, an order revoked inside the window with its refund and
     * history, the requests page, refund cases and sent mail. In an account of its own, so the demo
     * data other journeys read stays as it was.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void coreJourneyPages(String language) {
        TestAccount account = fixtures.newAccount();
        Instant now = clock.instant();
        String tag = account.tag();
        String waiting = fixtures.issued(
                account.user(),
                Product.TLS_OV,
                "waiting-" + tag + ".example.com",
                PaymentChoice.voucher(),
                now.minus(Duration.ofDays(12)));
        String pending = fixtures.pending(
                account.user(), Product.TLS_OV, "pending-" + tag + ".example.com", PaymentChoice.bankTransfer(true));
        String token = fixtures.issued(
                account.user(),
                Product.CODE_SIGNING,
                "codesign-" + tag + ".example.com",
                PaymentChoice.bankTransfer(true).withToken(),
                now.minus(Duration.ofDays(3)));

        Browser user = signedIn(account.user().email(), "secret", language);
        user.open("/orders/" + token + "/revoke");
        user.visible(By.cssSelector("section.outcome"));
        assertSaved(user.screenshot("revoke-form-" + language));
        // R2: no reason is preselected; the member chooses one.
        user.find(By.cssSelector("input[name=reason][value=cessation_of_operation]"))
                .click();
        user.find(By.cssSelector("form.revoke-form button[type=submit]")).click();
        user.waitUntil(urlMatches("/orders/" + token + "$"));
        user.open("/orders/" + waiting + "/revoke");
        user.find(By.cssSelector("input[name=reason][value=superseded]")).click();
        user.find(By.cssSelector("form.revoke-form button[type=submit]")).click();
        user.waitUntil(urlMatches("/orders/" + waiting + "$"));
        user.open("/orders/" + pending + "/cancel");
        user.visible(By.cssSelector("section.consequences"));
        assertSaved(user.screenshot("cancel-confirmation-" + language));

        Browser admin = signedIn(account.admin().email(), "secret", language);
        admin.open("/requests");
        admin.visible(By.cssSelector("table.requests"));
        assertSaved(admin.screenshot("requests-" + language));
        admin.find(By.xpath("//tr[td/a[text()='" + token + "']]//a[contains(@class,'badge')]"))
                .click();
        admin.visible(By.cssSelector("form.decide-form"));
        assertSaved(admin.screenshot("request-approval-" + language));
        admin.find(By.cssSelector("button[data-decision=approve]")).click();
        admin.visible(By.cssSelector(".alert-success"));
        admin.open("/orders/" + token);
        admin.visible(By.cssSelector("section.refund-outcome"));
        assertSaved(admin.screenshot("order-revoked-refund-" + language));
        admin.open("/refunds");
        admin.visible(By.cssSelector("tr[data-refund-case]"));
        assertSaved(admin.screenshot("refund-cases-" + language));
    }

    /**
     * K4, K5, K7: the reissue form, and an order with its lineage (the original pending revocation, a
     * duplicate, the reissue), at 1400 px and 400 px wide.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void reissueFormAndLineage(String language) {
        TestAccount account = fixtures.newAccount();
        String cn = "lineage-" + account.tag() + ".example.com";
        String order = fixtures.validatedAndIssued(account.admin(), cn, Fixtures.freshKey());
        // The database keeps instants to the microsecond: the duplicate comes a minute after the validation.
        clock.advance(Duration.ofMinutes(1));
        long version = fixtures.withOrder(order, CertificateOrder::getVersion);
        reissues.duplicate(
                new DuplicateCertificate(order, TestCsrs.pem(Fixtures.freshKey(), "CN=" + cn, cn), null, null, version),
                account.admin());
        String renamed = "renamed-" + account.tag() + ".example.com";
        fixtures.reissue(order, renamed, List.of(renamed, "www." + renamed), clock.instant());

        Browser admin = signedIn(account.admin().email(), "secret", language);
        admin.open("/orders/" + order + "/reissue");
        admin.visible(By.cssSelector("form.reissue-form"));
        admin.viewport(Browser.WIDTH, 1500);
        assertSaved(admin.screenshot("reissue-form-" + language));
        admin.viewport(400, 2400);
        assertSaved(admin.screenshot("reissue-form-phone-" + language));

        admin.viewport(Browser.WIDTH, 1800);
        admin.open("/orders/" + order);
        admin.visible(By.cssSelector("table.lineage tr[data-lifecycle=revocation-pending]"));
        assertSaved(admin.screenshot("order-lineage-" + language));
        admin.viewport(400, 3600);
        assertSaved(admin.screenshot("order-lineage-phone-" + language));

        // K1: revoking one certificate of the order; K5: the duplicate form.
        admin.viewport(Browser.WIDTH, 1500);
        admin.find(By.cssSelector("table.lineage a[data-action=revoke-certificate]"))
                .click();
        admin.visible(By.cssSelector("form.revoke-form"));
        assertSaved(admin.screenshot("certificate-revoke-" + language));
        admin.open("/orders/" + order + "/duplicate");
        admin.visible(By.cssSelector("form.request-form"));
        assertSaved(admin.screenshot("duplicate-form-" + language));
    }

    /**
     * T2, V1, V2: the Mail page an administrator reads (queued, sent, retrying), and the CA's operations
     * area where a validation agent decides an organization, on the demo data.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void mailAndOperationsPages(String language) {
        Browser admin = signedIn("admin@example.com", DemoSignIns.PASSWORD, language);
        admin.waitUntil(urlMatches("/orders$"));
        admin.open("/mail");
        admin.visible(By.tagName("h1"));
        assertSaved(admin.screenshot("mail-" + language));

        Browser agent = signedIn("validation@certportal.example", DemoSignIns.PASSWORD, language);
        agent.open("/operations/validations");
        agent.visible(By.tagName("h1"));
        assertSaved(agent.screenshot("operations-validations-" + language));
        agent.find(By.cssSelector("main a[href*='/operations/validations/']")).click();
        agent.waitUntil(urlMatches("/operations/validations/\\d+$"));
        assertSaved(agent.screenshot("operations-validation-" + language));
    }

    /**
     * Issue 6 (O1, O4, V1, V4): the request form once checked (the names read from the CSR, price,
     * validity, approval and validation to come), the order's validation section while its emailed
     * link waits, the confirmation page that link opens for whoever holds the mailbox (no account), and
     * that page once confirmed. In an account of its own, where nothing is validated yet.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void requestFormAndDomainValidationPages(String language) {
        TestAccount account = fixtures.newAccount();
        String name = "www." + account.tag() + ".example.net";
        Browser user = signedIn(account.user().email(), "secret", language);
        user.open("/orders/new");
        RequestSteps.fillAndCheck(user, TestCsrs.pem(Fixtures.freshKey(), "CN=" + name, name));
        // The whole form, down to its preview and the buttons under it.
        user.viewport(
                Browser.WIDTH, ((Number) user.script("return document.documentElement.scrollHeight;")).intValue());
        assertSaved(user.screenshot("request-form-" + language));
        user.viewport(Browser.WIDTH, Browser.HEIGHT);
        String order = RequestSteps.submitForApproval(user);

        Browser admin = signedIn(account.admin().email(), "secret", language);
        RequestSteps.approve(admin, order);
        user.open("/orders/" + order);
        assertSaved(user.screenshotOf(By.id("validation"), "order-validation-" + language));

        Browser mailboxHolder = newBrowser();
        mailboxHolder.open("/dcv/" + fixtures.pendingEmailTokens(order).get(0) + "?lang=" + language);
        mailboxHolder.visible(By.cssSelector("form[action^='/dcv/'] button[type=submit]"));
        assertSaved(mailboxHolder.screenshot("dcv-confirmation-" + language));
        mailboxHolder
                .find(By.cssSelector("form[action^='/dcv/'] button[type=submit]"))
                .click();
        mailboxHolder.visible(By.cssSelector(".alert-success.confirmed"));
        assertSaved(mailboxHolder.screenshot("dcv-confirmed-" + language));
    }

    /**
     * Issue 8 (K6, K8, M4, G): "Do I need to cancel?" with two answers (a new common name: reissue; a
     * new payment method: revoke, with the 30-day outcome), the renewal form, an order renewed by
     * another, registering a voucher code, and the reminder settings, at 1400 px and at 400 px (the
     * phone-sized window) in each language.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void changeRenewalVoucherAndReminderPages(String language) {
        TestAccount account = fixtures.newAccount();
        Instant now = clock.instant();
        String tag = account.tag();
        String issued = fixtures.issued(
                account.user(),
                Product.TLS_OV,
                "shop-" + tag + ".example.com",
                PaymentChoice.card(),
                now.minus(Duration.ofDays(10)));
        String renewed = fixtures.issued(
                account.user(),
                Product.TLS_DV,
                "www-" + tag + ".example.com",
                PaymentChoice.card(),
                now.minus(Duration.ofDays(190)));
        fixtures.renewal(renewed, account.user(), now.minus(Duration.ofDays(1)));
        String voucherOrder = fixtures.issued(
                account.user(),
                Product.TLS_DV,
                "api-" + tag + ".example.com",
                PaymentChoice.voucher(),
                now.minus(Duration.ofDays(5)));

        Browser user = signedIn(account.user().email(), "secret", language);
        Browser admin = signedIn(account.admin().email(), "secret", language);
        for (boolean phone : new boolean[] {false, true}) {
            String suffix = (phone ? "-phone-" : "-") + language;
            if (phone) {
                user.viewport(400, 800);
                admin.viewport(400, 800);
            }
            user.open("/orders/" + issued + "/change");
            user.visible(By.cssSelector("nav.change-choices"));
            assertSaved(user.screenshot("change-choices" + suffix));
            user.open("/orders/" + issued + "/change?what=common_name");
            assertSaved(user.screenshotOf(By.cssSelector("section.change-answer"), "change-common-name" + suffix));
            user.open("/orders/" + issued + "/change?what=payment_method");
            assertSaved(user.screenshotOf(By.cssSelector("section.change-answer"), "change-payment-method" + suffix));

            user.open("/orders/new?renewalOf=" + issued);
            user.visible(By.cssSelector("section.renewal"));
            assertSaved(user.screenshot("renewal-form" + suffix));
            user.open("/orders/" + renewed);
            assertSaved(user.screenshotOf(
                    By.xpath("//dd[contains(@class,'renewed-by')]/preceding-sibling::dt[1]"),
                    "order-renewed" + suffix));

            user.open("/orders/" + voucherOrder);
            user.find(By.cssSelector("details.actions-menu > summary")).click();
            user.visible(By.cssSelector("details.actions-menu a[data-action=change]"));
            assertSaved(user.screenshot("order-actions-menu" + suffix));
            user.open("/orders/" + voucherOrder + "/vouchers");
            user.visible(By.cssSelector("section.register-voucher"));
            assertSaved(user.screenshot("voucher-register" + suffix));

            admin.open("/settings");
            assertSaved(admin.screenshotOf(By.id("reminders"), "reminder-settings" + suffix));
        }
    }

    private static void assertSaved(Path screenshot) {
        assertThat(screenshot).exists().isNotEmptyFile();
    }
}
