package com.certportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.audit.AuditAction;
import com.certportal.catalog.Product;
import com.certportal.order.OrderStatus;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** T1 for refusals the security layer makes before any controller runs. */
class AccessDeniedAuditTest extends ActionIntegrationTest {

    @Test
    void aCancellationPostedWithoutItsCsrfTokenIsRefusedChangesNothingAndIsInTheTrail() {
        TestAccount account = fixtures.newAccount();
        String order = fixtures.pending(
                account.user(), Product.TLS_DV, "csrf-" + account.tag() + ".example.com", PaymentChoice.card());

        var result = mvc.post()
                .uri("/orders/" + order + "/cancel")
                .with(user(account.user()))
                .param("version", version(order))
                .exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(state(order).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(refusals(account.id())).anySatisfy(refusal -> {
            assertThat(refusal.getAction()).isEqualTo(AuditAction.ACCESS_DENIED);
            assertThat(refusal.getActorId()).isEqualTo(account.user().memberId());
            assertThat(refusal.getDetail()).isEqualTo("POST /orders/" + order + "/cancel (csrf)");
        });
    }

    @Test
    void aUserOpeningTheRefundCasesIsRefusedAndTheRefusalIsRecorded() {
        TestAccount account = fixtures.newAccount();

        assertThat(get(account.user(), "/refunds")).hasStatus(HttpStatus.FORBIDDEN);

        assertThat(refusals(account.id()))
                .extracting(r -> r.getAction() + " " + r.getDetail())
                .contains("ACCESS_DENIED GET /refunds (role)");
    }
}
