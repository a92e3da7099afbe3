package com.certportal.action;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.catalog.Product;
import com.certportal.order.OrderStatus;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.OrderState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 9, finding 4, through the real forms: a comment or note carrying a bidi override or a NUL is
 * refused with a message the member can act on, nothing changes, and the refusal is in the trail (T1);
 * a reason or status padded with control characters is refused, never trimmed into a valid one; text
 * people wrote is shown with dir="auto".
 */
class FreeTextInFormsTest extends ActionIntegrationTest {

    private static final String RLO = "\u202E";

    private TestAccount account;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount();
    }

    @Test
    void aRevocationCommentWithABidiOverrideIsRefused_R2() {
        String order = issued("bidi-comment.example.com");
        OrderState before = state(order);

        MvcTestResult result = post(
                account.user(),
                "/orders/" + order + "/revoke",
                "reason",
                "superseded",
                "comment",
                "invoice " + RLO + "fdp.exe",
                "version",
                version(order));

        assertThat(result).hasStatus(400);
        assertThat(body(result)).contains(shown("form.control-characters"));
        assertThat(state(order)).isEqualTo(before);
        assertThat(refusals(account.id()))
                .anySatisfy(r -> assertRefusal(r, order, AuditAction.REVOCATION_REQUESTED, "form.control-characters"));
    }

    @Test
    void aSupportNoteWithANulIsRefused_R5() {
        String order = fixtures.issued(
                account.user(), Product.DOCUMENT_SIGNING, "nul-note.example.com", card(), clock.instant());
        OrderState before = state(order);

        MvcTestResult result = post(
                account.user(),
                "/orders/" + order + "/support-revocation",
                "reason",
                "unspecified",
                "note",
                "please\u0000revoke",
                "version",
                version(order));

        assertThat(result).hasStatus(400);
        assertThat(body(result)).contains(shown("form.control-characters"));
        assertThat(state(order)).isEqualTo(before);
        assertThat(mails(order)).isEmpty();
        // T1: the refusal is kept, with what was sent made visible (PostgreSQL cannot store a NUL).
        assertThat(refusals(account.id())).anySatisfy(r -> {
            assertRefusal(r, order, AuditAction.SUPPORT_REVOCATION_REQUESTED, "form.control-characters");
            assertThat(r.getComment()).isEqualTo("please\\u0000revoke");
        });
    }

    @Test
    void aCommentOfSeveralLinesAsTheBrowserSendsItIsAccepted_R2() {
        String order = issued("multi-line.example.com");

        MvcTestResult result = post(
                account.admin(),
                "/orders/" + order + "/revoke",
                "reason",
                "superseded",
                "comment",
                "replaced by the new key\r\n\t(ticket 42)",
                "skipApproval",
                "true",
                "version",
                version(order));

        assertThat(result).hasStatus3xxRedirection();
        assertThat(state(order).status()).isEqualTo(OrderStatus.REVOKED);
        assertThat(history(order, AuditAction.ORDER_REVOKED))
                .singleElement()
                .extracting(AuditRecord::getComment)
                .isEqualTo("replaced by the new key\n\t(ticket 42)");
    }

    @Test
    void aReasonPaddedWithAControlCharacterIsRefusedNotTrimmed_R2() {
        String order = issued("padded-reason.example.com");
        OrderState before = state(order);

        for (String reason : new String[] {"superseded\u0000", "superseded\r", "superseded\n"}) {
            MvcTestResult result = post(
                    account.admin(),
                    "/orders/" + order + "/revoke",
                    "reason",
                    reason,
                    "skipApproval",
                    "true",
                    "version",
                    version(order));

            assertThat(result).as(reason).hasStatus(400);
            assertThat(body(result)).contains(shown("revocation.invalid-reason"));
        }
        assertThat(state(order)).isEqualTo(before);
    }

    @Test
    void aStatusFilterPaddedWithAControlCharacterIsABadRequest_L4() {
        assertThat(get(account.admin(), "/orders?status=issued%0d")).hasStatus(400);
        assertThat(get(account.admin(), "/orders?status=issued%00")).hasStatus(400);
    }

    @Test
    void commentsAndNamesAreShownWithDirAuto() {
        String order = issued("dir-auto.example.com");
        post(
                account.user(),
                "/orders/" + order + "/revoke",
                "reason",
                "superseded",
                "comment",
                "مرحبا comment",
                "version",
                version(order));
        Long requestId = requests(account.id(), order).get(0).getId();

        String requestPage = body(get(account.admin(), "/requests/" + requestId));
        String orderPage = body(get(account.admin(), "/orders/" + order));

        assertThat(requestPage).containsPattern("<dd dir=\"auto\"[^>]*>مرحبا comment</dd>");
        assertThat(orderPage).containsPattern("dir=\"auto\"[^>]*>[^<]*مرحبا comment");
        assertThat(orderPage).containsPattern("<span class=\"who-name\" dir=\"auto\">Admin ");
    }

    private String issued(String commonName) {
        return fixtures.issued(account.user(), Product.TLS_DV, commonName, card(), clock.instant());
    }

    private static void assertRefusal(AuditRecord record, String order, AuditAction action, String detail) {
        assertThat(record.getOrderNumber()).isEqualTo(order);
        assertThat(record.getAction()).isEqualTo(action);
        assertThat(record.getDetail()).isEqualTo(detail);
    }
}
