package com.certportal.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import com.certportal.pki.TestCsrs;
import com.certportal.support.Browser;
import com.certportal.support.BrowserJourneyTest;
import com.certportal.support.Fixtures;
import com.certportal.support.Fixtures.TestAccount;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * K4, K2, V1 in a real browser: from an issued order, Certificate actions > Reissue with a CSR for a
 * new common name; the new name is validated by its emailed link; the order page then shows the new
 * certificate and the original as "revocation pending" with the moment it will be revoked.
 */
class ReissueJourneyIT extends BrowserJourneyTest {

    @Test
    void reissueWithANewCommonNameShowsTheOriginalPendingRevocation() {
        TestAccount account = fixtures.newAccount();
        String cn = "journey-" + account.tag() + ".example.com";
        String order = fixtures.validatedAndIssued(account.admin(), cn, Fixtures.freshKey());
        String newName = "renamed-" + account.tag() + ".example.net";
        KeyPair newKey = Fixtures.freshKey();

        Browser admin = newBrowser();
        admin.open("/login?lang=en");
        admin.signIn(account.admin().email(), "secret");
        admin.open("/orders/" + order);
        admin.find(By.cssSelector("details.actions-menu summary")).click();
        admin.visible(By.cssSelector("a[data-action=reissue]")).click();
        admin.waitUntil(urlMatches("/orders/" + order + "/reissue$"));
        admin.find(By.id("csr")).sendKeys(TestCsrs.pem(newKey, "CN=" + newName, newName));
        WebElement sans = admin.find(By.id("sans"));
        sans.clear();
        admin.find(By.cssSelector("input[name=dcvMethod][value=email]")).click();
        admin.find(By.cssSelector("form.reissue-form button[type=submit]")).click();

        admin.waitUntil(urlMatches("/orders/" + order + "$"));
        admin.visible(By.cssSelector("section.waiting-reissue"));
        assertThat(admin.find(By.cssSelector("tr[data-name='" + newName + "']")).getDomAttribute("data-progress"))
                .isEqualTo("pending");

        // The approver opens the emailed link (no account needed) and confirms.
        Browser approver = newBrowser();
        for (String token : fixtures.pendingEmailTokens(order)) {
            approver.open("/dcv/" + token);
            approver.find(By.cssSelector("form button[type=submit]")).click();
            approver.visible(By.cssSelector(".alert-success"));
        }

        admin.open("/orders/" + order);
        WebElement original = admin.visible(By.cssSelector("tr[data-lifecycle=revocation-pending]"));
        assertThat(original.getText()).contains(cn, "Revocation pending", "Scheduled for revocation (superseded) at");
        assertThat(admin.findAll(By.cssSelector("table.lineage tbody tr"))).hasSize(2);
        assertThat(admin.find(By.cssSelector(".cn-large")).getText()).isEqualTo(newName);
        assertThat(admin.findAll(By.cssSelector("section.waiting-reissue"))).isEmpty();
    }
}
