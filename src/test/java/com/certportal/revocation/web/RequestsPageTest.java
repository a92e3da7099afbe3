package com.certportal.revocation.web;

import static java.time.Duration.ofDays;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import org.junit.jupiter.api.Test;

/** A3 on the requests page: while a request waits, a user is told to ask an administrator. */
class RequestsPageTest extends ActionIntegrationTest {

    @Test
    void whileARequestWaitsTheUserIsToldToAskAnAdministratorAndTheAdministratorIsNot() {
        TestAccount account = fixtures.newAccount();
        String order = fixtures.issued(
                account.user(),
                Product.TLS_DV,
                "ask-" + account.tag() + ".example.com",
                PaymentChoice.card(),
                clock.instant().minus(ofDays(3)));
        String askAdministrator = shown("requests.ask-administrator", 1);
        assertThat(body(get(account.user(), "/requests"))).doesNotContain("ask-admin");

        post(account.user(), "/orders/" + order + "/revoke", "reason", "unspecified", "version", version(order));

        assertThat(body(get(account.user(), "/requests"))).contains("ask-admin", askAdministrator);
        assertThat(body(get(account.admin(), "/requests")))
                .doesNotContain("ask-admin")
                .contains(order);
    }
}
