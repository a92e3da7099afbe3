package com.certportal.journey;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import com.certportal.catalog.Product;
import com.certportal.support.Browser;
import com.certportal.support.BrowserJourneyTest;
import com.certportal.support.Fixtures.TestAccount;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * G in a real browser: a user who wants another common name opens "Do I need to cancel?" from
 * Certificate actions, picks "The common name", reads that no cancellation is needed, and lands on the
 * reissue form of this very order (K4), offered as the one and only action.
 */
class ChangeJourneyIT extends BrowserJourneyTest {

    @Test
    void fromIWantToChangeTheCommonNameToTheReissueFormOfThisOrder_G() {
        TestAccount account = fixtures.newAccount();
        String order = fixtures.issued(
                account.user(),
                Product.TLS_OV,
                "rename-" + account.tag() + ".example.com",
                card(),
                clock.instant().minus(Duration.ofDays(3)));

        Browser browser = newBrowser();
        browser.open("/orders/" + order);
        browser.signIn(account.user().email(), "secret");
        browser.waitUntil(urlMatches("/orders/" + order + "$"));
        browser.find(By.cssSelector("details.actions-menu > summary")).click();
        browser.visible(By.cssSelector("details.actions-menu a[data-action=change]"))
                .click();
        browser.waitUntil(urlMatches("/orders/" + order + "/change$"));

        browser.find(By.cssSelector("a[data-what=common_name]")).click();
        browser.waitUntil(urlMatches("/orders/" + order + "/change\\?what=common_name$"));
        WebElement answer = browser.visible(By.cssSelector("section.change-answer"));
        assertThat(answer.getDomAttribute("data-verdict")).isEqualTo("no");
        List<WebElement> offered = answer.findElements(By.cssSelector("ul.offers > li"));
        assertThat(offered)
                .as("exactly one action: the reissue of this order")
                .singleElement()
                .satisfies(li -> assertThat(li.getDomAttribute("data-remedy")).isEqualTo("reissue"));

        offered.get(0).findElement(By.tagName("a")).click();
        browser.waitUntil(urlMatches("/orders/" + order + "/reissue$"));
        assertThat(browser.currentPath()).isEqualTo("/orders/" + order + "/reissue");
        browser.visible(By.cssSelector("form.reissue-form"));
    }
}
