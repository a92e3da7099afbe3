package com.certportal.order.web;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static com.certportal.support.Fixtures.PaymentChoice.voucher;
import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.catalog.Product;
import com.certportal.order.CancelOrder;
import com.certportal.order.Cancellations;
import com.certportal.order.RegisterVoucher;
import com.certportal.order.VoucherRegistrations;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import com.certportal.support.Race;
import com.certportal.voucher.Voucher;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * G (licence count): "Register a voucher code" adds the voucher's licences to a voucher order and uses
 * the voucher; a used, another account's or unknown code, an order not paid by voucher or not pending
 * or issued, and a member who only reads are refused, recorded, and change nothing; one code registered
 * twice at the same moment is registered once.
 */
class VoucherRegistrationTest extends ActionIntegrationTest {

    @Autowired
    private VoucherRegistrations registrations;

    @Autowired
    private Cancellations cancellations;

    private TestAccount account;
    private String order;

    @BeforeEach
    void voucherOrder() {
        account = fixtures.newAccount();
        order = fixtures.issued(
                account.user(),
                Product.TLS_DV,
                "licences-" + account.tag() + ".example.com",
                voucher(),
                clock.instant());
    }

    @Test
    void aVoucherCodeAddsItsLicencesAndIsUsed_G() {
        String code = fixtures.unusedVoucher(account.id(), 3);

        MvcTestResult result = register(account.user(), order, " " + code.toLowerCase() + " ");

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/orders/" + order);
        assertThat(notices(result))
                .containsExactly(text("voucher.registered", java.util.Locale.ENGLISH, code, order, 3, 4));
        assertThat(licences(order)).isEqualTo(4);
        assertThat(fixtures.voucher(code).isUsed()).isTrue();
        assertThat(history(order, AuditAction.VOUCHER_REGISTERED))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getOutcome()).isEqualTo(AuditRecord.Outcome.DONE);
                    assertThat(r.getDetail()).isEqualTo(code + ": 1 \u2192 4");
                    assertThat(r.getActorEmail()).isEqualTo(account.user().email());
                });
        String page = Pages.main(body(get(account.user(), "/orders/" + order)));
        assertThat(page).contains("data-voucher=\"" + code + "\"", "<dd class=\"licences\">4</dd>");
    }

    @Test
    void aUsedCodeIsRefusedAndNothingChanges_G() {
        String code = fixtures.unusedVoucher(account.id(), 2);
        register(account.user(), order, code);

        MvcTestResult again = register(account.admin(), order, code);

        assertThat(again).hasStatus(409);
        assertThat(body(again)).contains(shown("voucher.refused.used", code));
        assertThat(licences(order)).isEqualTo(3);
        assertThat(lastRefusal()).isEqualTo("voucher.refused.used");
    }

    /** Another account's code gets the very answer an unknown one gets, so codes cannot be probed. */
    @Test
    void anotherAccountsCodeIsRefusedExactlyLikeAnUnknownOne_G() {
        TestAccount other = fixtures.newAccount();
        String foreign = fixtures.unusedVoucher(other.id(), 5);

        MvcTestResult refusedForeign = register(account.user(), order, foreign);
        MvcTestResult refusedUnknown = register(account.user(), order, "NO-SUCH-CODE-1");

        assertThat(refusedForeign).hasStatus(400);
        assertThat(refusedUnknown).hasStatus(400);
        assertThat(withoutCsrf(body(refusedForeign)).replace(foreign, "CODE"))
                .isEqualTo(withoutCsrf(body(refusedUnknown)).replace("NO-SUCH-CODE-1", "CODE"));
        assertThat(body(refusedForeign)).contains(shown("voucher.refused.unknown", foreign));
        assertThat(fixtures.voucher(foreign).isUsed()).isFalse();
        assertThat(licences(order)).isEqualTo(1);
        assertThat(lastRefusal()).isEqualTo("voucher.refused.unknown");
    }

    @Test
    void anOrderNotPaidByVoucherTakesNoVoucherCode_G() {
        String cardOrder = fixtures.issued(
                account.user(), Product.TLS_DV, "card-" + account.tag() + ".example.com", card(), clock.instant());
        String code = fixtures.unusedVoucher(account.id(), 1);

        MvcTestResult refused = register(account.user(), cardOrder, code);

        assertThat(refused).hasStatus(409);
        assertThat(body(refused)).contains(shown("voucher.refused.not-voucher-order", cardOrder));
        assertThat(fixtures.voucher(code).isUsed()).isFalse();
        assertThat(lastRefusal()).isEqualTo("voucher.refused.not-voucher-order");
        assertThat(Pages.links(body(get(account.user(), "/orders/" + cardOrder)), "data-action=\"register-voucher\""))
                .isEmpty();
    }

    @Test
    void aMemberWhoOnlyReadsIsRefused_G() {
        String code = fixtures.unusedVoucher(account.id(), 1);

        MvcTestResult refused = register(account.finance(), order, code);

        assertThat(refused).hasStatus(403);
        assertThat(fixtures.voucher(code).isUsed()).isFalse();
        assertThat(lastRefusal()).isEqualTo("order.refused.read-only");
    }

    @Test
    void anotherAccountsOrderIsNotFound_G() {
        TestAccount other = fixtures.newAccount();
        String code = fixtures.unusedVoucher(other.id(), 1);

        assertThat(register(other.admin(), order, code)).hasStatus(404);
        assertThat(get(other.admin(), "/orders/" + order + "/vouchers")).hasStatus(404);
        assertThat(fixtures.voucher(code).isUsed()).isFalse();
    }

    /** P4: a cancelled voucher order gives back every voucher it used, the registered ones too. */
    @Test
    void aCancelledOrderTakesNoMoreCodesAndGivesBackEveryVoucherItUsed_G_P4() {
        String pending = fixtures.pending(
                account.user(), Product.TLS_DV, "pending-" + account.tag() + ".example.com", voucher());
        String code = fixtures.unusedVoucher(account.id(), 2);
        register(account.user(), pending, code);
        assertThat(licences(pending)).isEqualTo(3);

        cancellations.cancel(new CancelOrder(pending, state(pending).version()), account.user());
        String later = fixtures.unusedVoucher(account.id(), 1);
        MvcTestResult refused = register(account.user(), pending, later);

        assertThat(refused).hasStatus(409);
        assertThat(body(refused)).contains(shown("voucher.refused.status", pending, "status.canceled"));
        assertThat(fixtures.voucher(code).isUsed())
                .as("P4: the registered voucher is unused again")
                .isFalse();
        assertThat(state(pending).voucherStatus()).isEqualTo(Voucher.Status.UNUSED);
        assertThat(fixtures.voucher(later).isUsed()).isFalse();
    }

    /** The form sends the version it showed; a script may leave it out (every rule is judged now). */
    @Test
    void aScriptMayLeaveTheVersionOutButAStalePageIsRefused_G() {
        String first = fixtures.unusedVoucher(account.id(), 1);
        String second = fixtures.unusedVoucher(account.id(), 1);
        String shownVersion = String.valueOf(state(order).version());

        assertThat(post(account.user(), "/orders/" + order + "/vouchers", "voucherCode", first))
                .hasStatus3xxRedirection();
        MvcTestResult stale =
                post(account.user(), "/orders/" + order + "/vouchers", "voucherCode", second, "version", shownVersion);

        assertThat(stale).hasStatus(409);
        assertThat(fixtures.voucher(second).isUsed()).isFalse();
        assertThat(licences(order)).isEqualTo(2);
    }

    @Test
    void oneCodeRegisteredTwiceAtTheSameMomentIsRegisteredOnce_G() throws Exception {
        String otherOrder = fixtures.issued(
                account.admin(), Product.TLS_DV, "other-" + account.tag() + ".example.com", voucher(), clock.instant());
        String code = fixtures.unusedVoucher(account.id(), 4);

        List<String> outcomes = Race.outcomes(List.of(
                () -> registrations.register(new RegisterVoucher(order, code, null), account.user()),
                () -> registrations.register(new RegisterVoucher(otherOrder, code, null), account.admin())));

        assertThat(outcomes).filteredOn(Race.WON::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !o.equals(Race.WON))
                .singleElement()
                .isIn("voucher.refused.used", "order.refused.concurrent");
        assertThat(licences(order) + licences(otherOrder))
                .as("4 licences added once")
                .isEqualTo(1 + 1 + 4);
        assertThat(history(order, AuditAction.VOUCHER_REGISTERED).size()
                        + history(otherOrder, AuditAction.VOUCHER_REGISTERED).size())
                .as("one DONE and one REFUSED record")
                .isEqualTo(2);
    }

    private MvcTestResult register(com.certportal.account.CurrentMember by, String orderNumber, String code) {
        return post(
                by,
                "/orders/" + orderNumber + "/vouchers",
                "voucherCode",
                code,
                "version",
                String.valueOf(state(orderNumber).version()));
    }

    /** The page as the member reads it (its form's CSRF token differs from request to request). */
    private static String withoutCsrf(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }

    private int licences(String orderNumber) {
        return fixtures.withOrder(orderNumber, o -> o.getPayment().getLicences());
    }

    private String lastRefusal() {
        return refusals(account.id()).get(0).getDetail();
    }
}
