package com.certportal.journey;

import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import com.certportal.support.Browser;
import java.net.URI;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The steps of a certificate request (O1, O4) as a member takes them in the browser, shared by the
 * journey that proves them and the screenshots that show them.
 */
final class RequestSteps {

    private RequestSteps() {}

    /**
     * O1: on Request a certificate, a TLS/SSL DV order from {@code csrPem}, validated by email, paid by
     * credit card; Check the form shows the preview, which is returned.
     */
    static WebElement fillAndCheck(Browser member, String csrPem) {
        new Select(member.visible(By.id("product"))).selectByValue("tls_dv");
        member.find(By.id("csr")).sendKeys(csrPem);
        member.clickInView(By.cssSelector("input[name=dcvMethod][value=email]"));
        member.clickInView(By.cssSelector("input[name=paymentMethod][value=credit_card]"));
        member.find(By.cssSelector("form.request-form button[name=action][value=preview]"))
                .click();
        return member.visible(By.id("preview"));
    }

    /** O4: a user's submitted order waits for approval on its request's page; its order number. */
    static String submitForApproval(Browser user) {
        user.find(By.cssSelector("form.request-form button[name=action][value=submit]"))
                .click();
        user.waitUntil(urlMatches("/requests/[0-9]+\\?order=[0-9]{8}$"));
        return URI.create(user.currentUrl()).getQuery().substring("order=".length());
    }

    /** O4: an administrator finds the order's request on Certificate requests and approves it. */
    static WebElement approve(Browser administrator, String orderNumber) {
        administrator.open("/requests");
        administrator
                .visible(By.xpath("//table[contains(@class,'requests')]//tr[@data-kind='new_order'][td/a[text()='"
                        + orderNumber + "']]//a[contains(@class,'badge')]"))
                .click();
        administrator.waitUntil(urlMatches("/requests/[0-9]+$"));
        administrator.find(By.id("comment")).sendKeys("Approved for the web server");
        administrator.find(By.cssSelector("button[data-decision=approve]")).click();
        return administrator.visible(By.cssSelector(".alert-success"));
    }
}
