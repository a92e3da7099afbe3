package com.certportal.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import com.certportal.demo.DemoSignIns;
import com.certportal.support.Browser;
import com.certportal.support.BrowserJourneyTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * L1-L4 in a real browser, on the demo data: a user finds an order through the list, looks at it in
 * quick view without leaving the list, opens its page, and that page's URL works as a bookmark in
 * another browser.
 */
class OrdersJourneyIT extends BrowserJourneyTest {

    private static final String USER = "user@example.com";
    private static final String COMMON_NAME = "issued-29d-card.example.com";

    @Test
    void userFiltersSearchesPeeksInQuickViewOpensTheOrderAndItsBookmarkWorksAfterSigningInAgain() {
        Browser browser = newBrowser();

        // L1: the list asks for a sign-in, and the sign-in leads to the list.
        browser.open("/orders");
        browser.signIn(USER, DemoSignIns.PASSWORD);
        assertThat(browser.currentPath()).isEqualTo("/orders");

        // L2: status filter and a search on part of the common name; L4: both live in the URL.
        new Select(browser.visible(By.id("status"))).selectByValue("issued");
        WebElement search = browser.find(By.id("q"));
        search.clear();
        search.sendKeys("issued-29d");
        browser.find(By.cssSelector("form.filters button[type=submit]")).click();
        browser.waitUntil(urlContains("q=issued-29d"));
        assertThat(browser.currentPathAndQuery()).startsWith("/orders?").contains("status=issued", "q=issued-29d");
        List<WebElement> rows = browser.findAll(By.cssSelector("table.orders tbody tr"));
        assertThat(rows).hasSize(1);
        WebElement row = rows.get(0);
        assertThat(row.findElement(By.cssSelector("td.cn")).getText()).contains(COMMON_NAME);
        assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Issued");
        String orderNumber = row.getDomAttribute("data-order");
        assertThat(orderNumber).matches("[0-9]{8}");

        // L3: quick view opens beside the list, by script, without loading another page.
        browser.script("window.journeyMarker = 'the list page was never reloaded'");
        row.findElement(By.cssSelector("a[data-quick-view='" + orderNumber + "']"))
                .click();
        WebElement panel = browser.visible(By.cssSelector("aside#quick-view[data-order='" + orderNumber + "']"));
        assertThat(panel.findElement(By.tagName("h2")).getText()).isEqualTo("Order " + orderNumber);
        assertThat(panel.getText()).contains(COMMON_NAME, "Issued", "Credit card", USER);
        browser.waitUntil(urlContains("view=" + orderNumber));
        assertThat(browser.currentPathAndQuery()).contains("status=issued", "q=issued-29d");
        assertThat(browser.script("return window.journeyMarker")).isEqualTo("the list page was never reloaded");
        assertThat(row.getDomAttribute("class")).contains("selected");

        panel.findElement(By.cssSelector("[data-quick-view-close]")).click();
        browser.gone(By.id("quick-view"));
        browser.waitUntil(driver -> !browser.currentPathAndQuery().contains("view="));
        assertThat(browser.currentPathAndQuery()).contains("status=issued", "q=issued-29d");
        assertThat(browser.script("return window.journeyMarker")).isEqualTo("the list page was never reloaded");

        // L4: the order number leads to the order's own page, whose URL is the bookmark.
        row.findElement(By.cssSelector("td.number a:not(.quick-view-link)")).click();
        browser.waitUntil(urlMatches("/orders/" + orderNumber + "$"));
        assertThat(browser.visible(By.tagName("h1")).getText()).contains("Order " + orderNumber, "Issued");
        assertThat(browser.find(By.cssSelector(".cn-large")).getText()).isEqualTo(COMMON_NAME);
        String bookmark = browser.currentUrl();

        // Another browser (no session) opens the bookmark: sign-in first, then the same order.
        Browser elsewhere = newBrowser();
        elsewhere.openUrl(bookmark);
        elsewhere.waitUntil(urlMatches("/login$"));
        elsewhere.signIn(USER, DemoSignIns.PASSWORD);
        assertThat(elsewhere.currentPath()).isEqualTo("/orders/" + orderNumber);
        assertThat(elsewhere.visible(By.tagName("h1")).getText()).contains("Order " + orderNumber);
        assertThat(elsewhere.find(By.cssSelector(".cn-large")).getText()).isEqualTo(COMMON_NAME);

        assertThat(browser.consoleErrors()).as("errors in the browser console").isEmpty();
        assertThat(elsewhere.consoleErrors())
                .as("errors in the browser console")
                .isEmpty();
    }

    @Test
    void theLanguageLinkKeepsTheFilteredListAndShowsItInJapanese() {
        Browser browser = newBrowser();
        browser.open("/login");
        browser.signIn(USER, DemoSignIns.PASSWORD);
        browser.open("/orders?status=issued");
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Orders");

        browser.find(By.cssSelector("nav.languages a[lang=ja]")).click();
        browser.waitUntil(urlContains("lang=ja"));
        assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ja");
        assertThat(browser.currentPathAndQuery()).contains("status=issued");
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("オーダー");
        assertThat(new Select(browser.find(By.id("status")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("発行済み");
        assertThat(browser.findAll(By.cssSelector("table.orders thead th")))
                .extracting(WebElement::getText)
                .containsExactly("オーダー番号", "コモンネーム", "製品", "ステータス", "申請者", "初回発行日", "有効期限");
        List<WebElement> badges = browser.findAll(By.cssSelector("table.orders tbody .badge"));
        assertThat(badges).isNotEmpty().extracting(WebElement::getText).containsOnly("発行済み");
        assertThat(browser.findAll(By.cssSelector("a.quick-view-link")))
                .extracting(WebElement::getText)
                .containsOnly("クイックビュー");
        assertThat(browser.find(By.cssSelector("p.count")).getText()).contains("件中");

        // The choice is remembered: the next page, without ?lang, is still in Japanese.
        browser.find(By.cssSelector("table.orders tbody tr td.number a:not(.quick-view-link)"))
                .click();
        browser.waitUntil(urlMatches("/orders/[0-9]{8}$"));
        assertThat(browser.visible(By.tagName("h1")).getText()).contains("オーダー", "発行済み");
        assertThat(browser.find(By.cssSelector("summary")).getText()).contains("証明書アクション");
        assertThat(browser.consoleErrors()).as("errors in the browser console").isEmpty();
    }
}
