package com.certportal.journey;

import static java.time.Duration.ofDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import com.certportal.catalog.Product;
import com.certportal.support.Browser;
import com.certportal.support.BrowserJourneyTest;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The rule book's core journeys in a real browser (C, R, A, P): each in an account of its own, so the
 * journeys never disturb the demo data or each other. Fixture members sign in with "secret".
 */
class RevocationJourneyIT extends BrowserJourneyTest {

    private static final String PASSWORD = "secret";

    /** R1 (from quick view), R3, R4, R6, A1, A2, P4, P7. */
    @Test
    void userRequestsRevocationInsideTheWindowAdministratorApprovesAndTheUserSeesTheRefund() {
        TestAccount account = fixtures.newAccount();
        Instant now = clock.instant();
        String cn = "journey-" + account.tag() + ".example.com";
        String orderNumber =
                fixtures.issued(account.user(), Product.TLS_OV, cn, PaymentChoice.voucher(), now.minus(ofDays(12)));

        Browser user = newBrowser();
        user.open("/orders?lang=en");
        user.signIn(account.user().email(), PASSWORD);
        user.open("/orders?q=" + cn);
        user.find(By.cssSelector("a[data-quick-view='" + orderNumber + "']")).click();
        WebElement panel = user.visible(By.cssSelector("aside#quick-view[data-order='" + orderNumber + "']"));
        panel.findElement(By.cssSelector("a[data-action=revoke]")).click();
        user.waitUntil(urlMatches("/orders/" + orderNumber + "/revoke$"));

        // R4: before submitting, the page says what will happen and until when.
        WebElement outcome = user.visible(By.cssSelector("section.outcome"));
        assertThat(outcome.getText()).contains("treated as a cancellation", "Voucher", "Refund deadline", "JST");
        // R2: five reasons, none preselected; R6: a user is not offered "immediately".
        assertThat(user.findAll(By.cssSelector("input[name=reason]"))).hasSize(5);
        assertThat(user.findAll(By.cssSelector("input[name=reason]"))).noneMatch(WebElement::isSelected);
        assertThat(user.findAll(By.cssSelector("input[name=skipApproval]"))).isEmpty();
        user.find(By.cssSelector("input[name=reason][value=cessation_of_operation]"))
                .click();
        user.find(By.id("comment")).sendKeys("Site closed");
        user.find(By.cssSelector("form.revoke-form button[type=submit]")).click();
        user.waitUntil(urlMatches("/orders/" + orderNumber + "$"));
        assertThat(user.visible(By.cssSelector(".alert-success")).getText())
                .contains("needs an administrator's approval");
        assertThat(user.find(By.cssSelector(".needs-approval")).getText()).contains("Needs approval");
        assertThat(user.find(By.cssSelector("h1 .badge")).getText()).isEqualTo("Issued");

        // A1, A2: the administrator finds it waiting on the requests page and approves it.
        Browser admin = newBrowser();
        admin.open("/requests?lang=en");
        admin.signIn(account.admin().email(), PASSWORD);
        WebElement row = admin.visible(By.cssSelector("table.requests tbody tr"));
        assertThat(row.getText()).contains("Needs approval", orderNumber, cn, "Cessation of operation");
        row.findElement(By.cssSelector("a.badge")).click();
        admin.waitUntil(urlMatches("/requests/[0-9]+$"));
        admin.find(By.id("comment")).sendKeys("OK");
        admin.find(By.cssSelector("button[data-decision=approve]")).click();
        assertThat(admin.visible(By.cssSelector(".alert-success")).getText())
                .contains("approved", "treated as a cancellation", "voucher is unused again");

        // P7: the user sees the order revoked, treated as a cancellation, and where the money went.
        user.open("/orders/" + orderNumber);
        assertThat(user.visible(By.cssSelector("h1 .badge")).getText()).isEqualTo("Revoked");
        assertThat(user.find(By.cssSelector("section.refund-outcome")).getText())
                .contains("Voucher: the voucher is unused again");
        assertThat(user.find(By.cssSelector("section.history")).getText())
                .contains("Revocation requested", "Revocation approved", "Order revoked", "Refund handled");
        assertThat(user.consoleErrors()).isEmpty();
        assertThat(admin.consoleErrors()).isEmpty();
    }

    /** R6, R3: an administrator revokes at once, 45 days after issue: revocation only, nothing refunded. */
    @Test
    void administratorRevokesImmediatelyOutsideTheWindowAndNothingIsRefunded() {
        TestAccount account = fixtures.newAccount();
        String cn = "late-" + account.tag() + ".example.com";
        String orderNumber = fixtures.issued(
                account.admin(),
                Product.TLS_EV,
                cn,
                PaymentChoice.card(),
                clock.instant().minus(ofDays(45)));

        Browser admin = newBrowser();
        admin.open("/orders/" + orderNumber + "?lang=en");
        admin.signIn(account.admin().email(), PASSWORD);
        admin.find(By.cssSelector("details.actions-menu summary")).click();
        admin.visible(By.cssSelector("a[data-action=revoke]")).click();
        admin.waitUntil(urlMatches("/orders/" + orderNumber + "/revoke$"));
        assertThat(admin.visible(By.cssSelector("section.outcome")).getText())
                .contains("more than 30 days", "nothing is refunded");
        admin.find(By.cssSelector("input[name=reason][value=superseded]")).click();
        // Issue 9, finding 8: the button says what it will do, "Revoke now" once "immediately" is ticked.
        WebElement submit = admin.find(By.cssSelector("form.revoke-form button[type=submit]"));
        assertThat(submit.getText()).isEqualTo("Submit revocation request");
        admin.find(By.cssSelector("input[name=skipApproval]")).click();
        assertThat(submit.getText()).isEqualTo("Revoke now");
        submit.click();
        admin.waitUntil(urlMatches("/orders/" + orderNumber + "$"));

        assertThat(admin.visible(By.cssSelector(".alert-success")).getText())
                .contains("was revoked", "revocation only, no refund");
        assertThat(admin.find(By.cssSelector("h1 .badge")).getText()).isEqualTo("Revoked");
        assertThat(admin.findAll(By.cssSelector("section.refund-outcome"))).isEmpty();
        assertThat(admin.consoleErrors()).isEmpty();
    }

    /** C1-C4 in Japanese: nothing changes until the confirmation page's button; OV mails the requester. */
    @Test
    void aPendingOrderIsCancelledThroughItsConfirmationPage() {
        TestAccount account = fixtures.newAccount();
        String cn = "cancel-" + account.tag() + ".example.com";
        String orderNumber = fixtures.pending(account.user(), Product.TLS_OV, cn, PaymentChoice.bankTransfer(false));

        Browser user = newBrowser();
        user.open("/orders/" + orderNumber + "?lang=ja");
        user.signIn(account.user().email(), PASSWORD);
        user.find(By.cssSelector("details.actions-menu summary")).click();
        user.visible(By.cssSelector("a[data-action=cancel]")).click();
        user.waitUntil(urlMatches("/orders/" + orderNumber + "/cancel$"));
        assertThat(user.visible(By.cssSelector("section.consequences")).getText())
                .contains("キャンセル済み", "銀行振込 (未入金): 解約となります", "メールが申請者");

        // C2: leaving the confirmation page cancels nothing.
        user.find(By.cssSelector("form.confirm-form a.button")).click();
        user.waitUntil(urlMatches("/orders/" + orderNumber + "$"));
        assertThat(user.visible(By.cssSelector("h1 .badge")).getText()).isEqualTo("保留中");

        user.open("/orders/" + orderNumber + "/cancel");
        user.find(By.cssSelector("form.confirm-form button[type=submit]")).click();
        user.waitUntil(urlMatches("/orders/" + orderNumber + "$"));
        assertThat(user.visible(By.cssSelector(".alert-success")).getText())
                .contains("キャンセルしました", "メールを送信待ちに追加しました", "解約となりました");
        assertThat(user.find(By.cssSelector("h1 .badge")).getText()).isEqualTo("キャンセル済み");
        assertThat(user.consoleErrors()).isEmpty();

        // Issue 9, finding 9: Back to the confirmation page loads it again and says where the order
        // stands, instead of showing the stale form with its button disabled.
        user.driver().navigate().back();
        user.waitUntil(urlMatches("/orders/" + orderNumber + "/cancel$"));
        assertThat(user.visible(By.cssSelector("main p.alert-info")).getText())
                .isEqualTo("キャンセルできるのは保留中のオーダーだけです。発行済みのオーダーは失効させます (初回発行日から 30 日以内ならキャンセル扱いになります)。");
        assertThat(user.findAll(By.cssSelector("form.confirm-form"))).isEmpty();
    }
}
