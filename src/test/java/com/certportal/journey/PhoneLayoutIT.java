package com.certportal.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import com.certportal.demo.DemoSignIns;
import com.certportal.support.Browser;
import com.certportal.support.BrowserJourneyTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 9, finding 5, in a real browser 400 px wide, in each language: sign in, open the menu, search,
 * open quick view, open the order's page; the document is never wider than the window, quick view
 * opens over the list at the top, and a short page is never taller than the window (the sidebar's
 * 100vh under the top bar). Screenshots at 400 px and 1400 px go to target/screenshots for review.
 */
class PhoneLayoutIT extends BrowserJourneyTest {

    private static final int PHONE_WIDTH = 400;
    private static final int PHONE_HEIGHT = 800;
    private static final String COMMON_NAME = "issued-29d-card.example.com";
    /** The outermost elements that end right of the window, to say what to fix when a page is too wide. */
    private static final String WIDER_THAN_THE_WINDOW = "var width = document.documentElement.clientWidth;"
            + " return Array.from(document.querySelectorAll('body *'))"
            + ".filter(function (e) { return e.getBoundingClientRect().right > width + 0.5"
            + " && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 0.5); })"
            + ".slice(0, 8).map(function (e) { var p = e.parentElement, s = getComputedStyle(p);"
            + " return e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)"
            + " + ' in ' + p.tagName + '.' + p.className + ' ' + s.display + '/' + s.overflowX + ' '"
            + " + p.clientWidth + '/' + p.scrollWidth; }).join(', ');";

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void aPhoneSizedWindowNeverScrollsSideways(String language) {
        Browser browser = newBrowser();
        browser.viewport(PHONE_WIDTH, PHONE_HEIGHT);
        browser.open("/login?lang=" + language);
        assertFitsTheWindow(browser, "sign-in");
        browser.screenshot("phone-login-" + language);

        browser.signIn("user@example.com", DemoSignIns.PASSWORD);
        browser.waitUntil(urlMatches("/orders$"));
        assertFitsTheWindow(browser, "order list");
        WebElement navigation = browser.find(By.id("navigation"));
        assertThat(navigation.isDisplayed())
                .as("the sidebar is behind the menu button")
                .isFalse();

        browser.find(By.cssSelector(".menu-button")).click();
        browser.visible(By.id("navigation"));
        assertThat(browser.find(By.cssSelector("#navigation a[href='/orders']")).isDisplayed())
                .isTrue();
        assertFitsTheWindow(browser, "open menu");
        browser.screenshot("phone-menu-" + language);
        browser.find(By.cssSelector("#navigation .menu-close")).click();
        browser.gone(By.id("navigation"));

        WebElement search = browser.find(By.id("q"));
        search.clear();
        search.sendKeys("issued-29d");
        browser.find(By.cssSelector("form.filters button[type=submit]")).click();
        browser.waitUntil(urlContains("q=issued-29d"));
        List<WebElement> cards = browser.findAll(By.cssSelector("table.orders tbody tr"));
        assertThat(cards).hasSize(1);
        WebElement card = cards.get(0);
        assertThat(card.getText()).contains(COMMON_NAME);
        assertThat(card.findElement(By.cssSelector("td.cn")).getRect().getWidth())
                .as("a card's values take the card's width")
                .isGreaterThan(PHONE_WIDTH / 2);
        assertFitsTheWindow(browser, "search results");
        browser.screenshot("phone-orders-" + language);

        String orderNumber = card.getDomAttribute("data-order");
        card.findElement(By.cssSelector("a[data-quick-view]")).click();
        WebElement panel = browser.visible(By.cssSelector("aside#quick-view[data-order='" + orderNumber + "']"));
        assertThat(panel.getRect().getY()).as("quick view opens at the top").isLessThanOrEqualTo(1);
        Number clientWidth = (Number) browser.script("return document.documentElement.clientWidth;");
        assertThat(panel.getRect().getWidth()).as("quick view spans the window").isEqualTo(clientWidth.intValue());
        assertFitsTheWindow(browser, "quick view");
        browser.screenshot("phone-quick-view-" + language);

        panel.findElement(By.cssSelector("a.button.primary[href='/orders/" + orderNumber + "']"))
                .click();
        browser.waitUntil(urlMatches("/orders/" + orderNumber + "$"));
        browser.visible(By.cssSelector(".cn-large"));
        assertFitsTheWindow(browser, "order page");
        browser.screenshot("phone-order-detail-" + language);

        browser.open("/settings");
        assertNoTallerThanTheWindow(browser, "settings on a phone");
        browser.viewport(Browser.WIDTH, Browser.HEIGHT);
        browser.open("/settings");
        assertNoTallerThanTheWindow(browser, "settings on a desktop");
    }

    /** The new pages of issue 9 at desktop and phone size, for review. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void membersAndPasswordPages(String language) {
        Browser browser = signedIn("admin@example.com", DemoSignIns.PASSWORD, language);
        browser.open("/account/members");
        browser.visible(By.cssSelector("table.members"));
        assertFitsTheWindow(browser, "members");
        browser.screenshot("members-" + language);
        browser.open("/settings/password");
        browser.visible(By.id("newPassword"));
        browser.screenshot("password-" + language);

        browser.viewport(PHONE_WIDTH, PHONE_HEIGHT);
        browser.open("/account/members");
        browser.visible(By.cssSelector("table.members"));
        assertFitsTheWindow(browser, "members on a phone");
        browser.screenshot("phone-members-" + language);
        assertThat(Files.exists(Path.of("target/screenshots/phone-members-" + language + ".png")))
                .isTrue();
    }

    private static void assertFitsTheWindow(Browser browser, String page) {
        Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth;");
        Number innerWidth = (Number) browser.script("return window.innerWidth;");
        assertThat(scrollWidth.intValue())
                .as("%s: document width; too wide: %s", page, browser.script(WIDER_THAN_THE_WINDOW))
                .isLessThanOrEqualTo(innerWidth.intValue());
    }

    private static void assertNoTallerThanTheWindow(Browser browser, String page) {
        Number scrollHeight = (Number) browser.script("return document.documentElement.scrollHeight;");
        Number innerHeight = (Number) browser.script("return window.innerHeight;");
        assertThat(scrollHeight.intValue()).as("%s: document height", page).isLessThanOrEqualTo(innerHeight.intValue());
    }
}
