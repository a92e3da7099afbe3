package com.certportal.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import com.certportal.demo.DemoSignIns;
import com.certportal.support.Browser;
import com.certportal.support.BrowserJourneyTest;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The order list, the list with quick view open, and an order's page, at 1400x900 in each language,
 * saved to target/screenshots for review (docs/screenshots keeps the reviewed set). Only the waits
 * are checked here; the behaviour is {@link OrdersJourneyIT}'s.
 */
class PortalScreenshotsIT extends BrowserJourneyTest {

    private static final String COMMON_NAME = "issued-29d-card.example.com";

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void listQuickViewAndOrderPage(String language) {
        Browser browser = newBrowser();
        browser.open("/login?lang=" + language);
        browser.signIn("user@example.com", DemoSignIns.PASSWORD);
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

    private static void assertSaved(Path screenshot) {
        assertThat(screenshot).exists().isNotEmptyFile();
    }
}
