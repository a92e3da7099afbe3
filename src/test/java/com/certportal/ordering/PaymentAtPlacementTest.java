package com.certportal.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.approval.ApprovalRequest;
import com.certportal.catalog.CertificateLifetime;
import com.certportal.catalog.Product;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderStatus;
import com.certportal.order.Payment;
import com.certportal.order.PaymentMethod;
import com.certportal.pki.TestCsrs;
import com.certportal.pki.TestKeys;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.OrderForm;
import com.certportal.support.OrderForm.Requested;
import com.certportal.support.OrderState;
import com.certportal.support.Pages;
import com.certportal.token.HardwareToken;
import com.certportal.voucher.Voucher;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * O1, O3, O4 through the request form: each way of paying is taken when the order is placed; what a
 * request reserved (voucher, licences, token) goes back exactly once when it is rejected or withdrawn;
 * P4 and P6 end to end: what a cancellation gave back places the next order. The preview (O1, I3).
 */
class PaymentAtPlacementTest extends ActionIntegrationTest {

    private static final KeyPair KEY = TestKeys.ec("secp256r1");

    private TestAccount account;
    private String cn;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount();
        cn = "pay-" + account.tag() + ".example.com";
    }

    @Test
    void aBankTransferOrderIsPlacedUnpaid_O3() {
        String order = placeAsAdministrator(tls().with("paymentMethod", "bank_transfer"));

        PaymentFacts payment = payment(order);
        assertThat(payment.method()).isEqualTo(PaymentMethod.BANK_TRANSFER);
        assertThat(payment.paid())
                .as("unpaid until the finance manager records it")
                .isFalse();
        assertThat(payment.price()).isEqualByComparingTo(Product.TLS_DV.priceFor(1));
    }

    @Test
    void aCardIsChargedAtPlacement_O3() {
        String order =
                placeAsAdministrator(tls().with("orderValidityYears", "2").with("licences", "3"));

        PaymentFacts payment = payment(order);
        assertThat(payment.method()).isEqualTo(PaymentMethod.CREDIT_CARD);
        assertThat(payment.paid()).isTrue();
        assertThat(payment.price())
                .isEqualByComparingTo(Product.TLS_DV.priceFor(2).multiply(BigDecimal.valueOf(3)));
    }

    @Test
    void thePrivateProductNeedsNoValidationAndIsIssuedAtPlacement_V2_O5() {
        String name = "intranet-" + account.tag() + ".internal";
        MvcTestResult result = post(
                account.admin(),
                "/orders/new",
                OrderForm.submitting(TestCsrs.pem(KEY, "CN=" + name, name))
                        .with("product", "private")
                        .pairs());

        String order = OrderForm.placedOrder(result);
        assertThat(state(order).status())
                .as("V2: the private product needs no validation, so O5 issues it at once")
                .isEqualTo(OrderStatus.ISSUED);
    }

    @Test
    void aVoucherOfTheAccountIsUsedUpAtPlacement_O3() {
        String code = fixtures.unusedVoucher(account.id(), 1);

        // Typed as a Japanese input method may send it: lower case, full-width, with spaces.
        String order = placeAsAdministrator(tls().with("paymentMethod", "voucher")
                .with("voucherCode", "  " + fullWidth(code.toLowerCase(Locale.ROOT)) + " "));

        assertThat(state(order).voucherCode()).isEqualTo(code);
        assertThat(fixtures.voucher(code).getStatus()).isEqualTo(Voucher.Status.USED);
        assertThat(payment(order).method()).isEqualTo(PaymentMethod.VOUCHER);
    }

    @Test
    void anEnterpriseUnitGivesItsLicencesAtPlacement_O3() {
        Long unit = fixtures.enterpriseUnit(account.id(), 5);

        String order = placeAsAdministrator(tls().with("paymentMethod", "enterprise_unit")
                .with("enterpriseUnit", unit)
                .with("licences", "2"));

        assertThat(fixtures.unit(unit).getLicencesAvailable()).isEqualTo(3);
        PaymentFacts payment = payment(order);
        assertThat(payment.method()).isEqualTo(PaymentMethod.ENTERPRISE_UNIT);
        assertThat(payment.price()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void codeSigningBuysANewHardwareTokenWithTheOrder_O3() {
        String order = placeAsAdministrator(codeSigning().with("hardwareToken", "new"));

        PaymentFacts payment = payment(order);
        assertThat(payment.tokenSerial()).as("bought and numbered at placement").isNotBlank();
        assertThat(payment.tokenPrice()).isEqualByComparingTo(Ordering.TOKEN_PRICE);
        assertThat(payment.total())
                .isEqualByComparingTo(Product.CODE_SIGNING.priceFor(1).add(Ordering.TOKEN_PRICE));
        assertThat(state(order).tokenStatus()).isEqualTo(HardwareToken.Status.IN_USE);
    }

    @Test
    void codeSigningKeepsItsKeyOnAnExistingReusableTokenOfTheAccount_O3_P6() {
        String token = fixtures.reusableToken(account.admin());

        String order = placeAsAdministrator(codeSigning().with("hardwareToken", token));

        PaymentFacts payment = payment(order);
        assertThat(payment.tokenSerial()).isEqualTo(token);
        assertThat(payment.tokenPrice()).as("nothing to buy").isNull();
        assertThat(state(order).tokenStatus()).isEqualTo(HardwareToken.Status.IN_USE);
    }

    /** What a request reserves, and how it is given back: by an administrator's rejection, or withdrawn. */
    static Stream<Arguments> reservations() {
        return Stream.of("reject", "withdraw")
                .flatMap(decision -> Stream.of(
                        Arguments.of(Reservation.VOUCHER, decision),
                        Arguments.of(Reservation.UNIT_LICENCES, decision),
                        Arguments.of(Reservation.EXISTING_TOKEN, decision)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("reservations")
    void whatARequestReservedIsReleasedExactlyOnce_O4(Reservation reservation, String decision) {
        Reserved reserved = reservation.choose(this);
        MvcTestResult submitted =
                post(account.user(), "/orders/new", reserved.form().pairs());
        Requested request = OrderForm.requestedOrder(submitted);
        assertThat(reserved.held().apply(this)).as("reserved at submission").isTrue();

        MvcTestResult decided = decide(decision, request.requestId());

        assertThat(decided).hasStatus3xxRedirection();
        assertThat(decided.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + request.requestId());
        assertThat(reserved.held().apply(this)).as("released").isFalse();
        OrderState released = state(request.orderNumber());
        assertThat(released.status())
                .isEqualTo(decision.equals("reject") ? OrderStatus.REJECTED : OrderStatus.WITHDRAWN);

        // Deciding again, either way, is refused and gives nothing back a second time.
        for (String again : new String[] {"reject", "withdraw"}) {
            MvcTestResult refused = decide(again, request.requestId());
            assertThat(refused).hasStatus(HttpStatus.CONFLICT);
            assertThat(body(refused))
                    .contains(shown("request.refused.decided", request.requestId(), decidedAs(decision)));
        }
        assertThat(state(request.orderNumber())).isEqualTo(released);
        reserved.releasedOnce().accept(this);
    }

    @Test
    void aNewTokenIsBoughtWhenTheRequestIsApprovedNeverForARejectedOne_O3_O4() {
        Requested rejected = OrderForm.requestedOrder(post(
                account.user(),
                "/orders/new",
                codeSigning().with("hardwareToken", "new").pairs()));
        Requested approved = OrderForm.requestedOrder(post(
                account.user(),
                "/orders/new",
                codeSigning().with("hardwareToken", "new").pairs()));
        assertThat(payment(rejected.orderNumber()).tokenSerial())
                .as("not bought for a request")
                .isNull();

        assertThat(decide("reject", rejected.requestId())).hasStatus3xxRedirection();
        assertThat(post(account.admin(), "/requests/" + approved.requestId() + "/approve"))
                .hasStatus3xxRedirection();

        assertThat(payment(rejected.orderNumber()).tokenSerial()).isNull();
        assertThat(payment(approved.orderNumber()).tokenSerial()).isNotBlank();
        assertThat(state(approved.orderNumber()).tokenStatus()).isEqualTo(HardwareToken.Status.IN_USE);
    }

    /** P4, O5: "the same voucher code can place a new order" after a cancellation, through the pages. */
    @Test
    void theVoucherACancellationReturnedPlacesTheNextOrder_P4() {
        String code = fixtures.unusedVoucher(account.id(), 1);
        OrderForm byVoucher = tls().with("paymentMethod", "voucher").with("voucherCode", code);
        String first = placeAsAdministrator(byVoucher);
        assertThat(fixtures.voucher(code).getStatus()).isEqualTo(Voucher.Status.USED);
        MvcTestResult refusedWhileUsed = post(account.admin(), "/orders/new", byVoucher.pairs());
        assertThat(refusedWhileUsed).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(refusedWhileUsed)).contains(shown("order.form.voucher-used", code));

        assertThat(post(account.admin(), "/orders/" + first + "/cancel", "version", version(first)))
                .hasStatus3xxRedirection();
        assertThat(fixtures.voucher(code).getStatus()).isEqualTo(Voucher.Status.UNUSED);

        String second = placeAsAdministrator(byVoucher);

        assertThat(second).isNotEqualTo(first);
        assertThat(state(second).voucherCode()).isEqualTo(code);
        assertThat(state(second).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(fixtures.voucher(code).getStatus()).isEqualTo(Voucher.Status.USED);
        assertThat(state(first).status()).isEqualTo(OrderStatus.CANCELED);
    }

    /** P6, O3: the token a cancelled code-signing order bought is offered, and chosen, as an existing token. */
    @Test
    void theTokenACancellationKeptIsChosenAsTheExistingTokenOfTheNextOrder_P6() {
        String first = placeAsAdministrator(codeSigning().with("hardwareToken", "new"));
        String token = payment(first).tokenSerial();
        assertThat(get(account.admin(), "/orders/new")).bodyText().doesNotContain(token);

        assertThat(post(account.admin(), "/orders/" + first + "/cancel", "version", version(first)))
                .hasStatus3xxRedirection();
        assertThat(state(first).tokenStatus()).isEqualTo(HardwareToken.Status.REUSABLE);
        assertThat(state(first).hardwareTokenKeptForReuse()).isTrue();
        assertThat(Pages.main(body(get(account.admin(), "/orders/new"))))
                .contains("name=\"hardwareToken\" value=\"" + token + "\"")
                .contains(shown("new.token.existing", token));

        String second = placeAsAdministrator(codeSigning().with("hardwareToken", token));

        assertThat(payment(second).tokenSerial()).isEqualTo(token);
        assertThat(payment(second).total())
                .as("P6: the token was paid for once, with the first order")
                .isEqualByComparingTo(Product.CODE_SIGNING.priceFor(1));
        assertThat(state(second).tokenStatus()).isEqualTo(HardwareToken.Status.IN_USE);
        assertThat(Pages.main(body(get(account.admin(), "/orders/new")))).doesNotContain(token);
    }

    /** O1, I3, O4, V: "Check the form" shows what would be ordered and what comes next, and stores nothing. */
    @Test
    void checkingTheFormShowsNamesPriceValidityApprovalAndValidationAndStoresNothing_O1() {
        long ordersBefore = fixtures.countOrders(account.id());
        long trailBefore = auditRecords.count();
        String csr = TestCsrs.pem(TestKeys.ec("secp256r1"), "CN=" + cn.toUpperCase(Locale.ROOT), cn);

        MvcTestResult preview = post(
                account.user(),
                "/orders/new",
                tls().with("csr", csr)
                        .with("sans", "api." + cn + "\nWWW." + cn)
                        .with("orderValidityYears", "2")
                        .with("licences", "2")
                        .preview()
                        .pairs());

        assertThat(preview).hasStatusOk();
        String page = Pages.main(body(preview));
        String shownPrice = NumberFormat.getIntegerInstance(Locale.ENGLISH)
                .format(Product.TLS_DV.priceFor(2).multiply(BigDecimal.valueOf(2)));
        long days =
                CertificateLifetime.maximumAt(Product.TLS_DV, clock.instant()).toDays();
        assertThat(page)
                .contains("<dd class=\"cn\">" + cn + "</dd>")
                .contains("<li>" + cn + "</li>", "<li>api." + cn + "</li>", "<li>www." + cn + "</li>")
                .contains(shown("money", shownPrice, "JPY"))
                .as("I3: a two-year plan, a certificate of the day's maximum")
                .contains(prefix("new.preview.certificate.days", days))
                .contains(shown("new.preview.certificate.reissue"))
                .contains(shown("new.preview.approval.needed"))
                .contains(shown("new.preview.validation.names", cn + ", api." + cn + ", www." + cn));
        assertThat(fixtures.countOrders(account.id())).isEqualTo(ordersBefore);
        assertThat(auditRecords.count()).isEqualTo(trailBefore);
    }

    // --- the forms and what they reserve -------------------------------------------------------------

    enum Reservation {
        VOUCHER {
            @Override
            Reserved choose(PaymentAtPlacementTest test) {
                String code = test.fixtures.unusedVoucher(test.account.id(), 1);
                return new Reserved(
                        test.tls().with("paymentMethod", "voucher").with("voucherCode", code),
                        t -> t.fixtures.voucher(code).isUsed(),
                        t -> assertThat(t.fixtures.voucher(code).getStatus()).isEqualTo(Voucher.Status.UNUSED));
            }
        },
        UNIT_LICENCES {
            @Override
            Reserved choose(PaymentAtPlacementTest test) {
                Long unit = test.fixtures.enterpriseUnit(test.account.id(), 5);
                return new Reserved(
                        test.tls()
                                .with("paymentMethod", "enterprise_unit")
                                .with("enterpriseUnit", unit)
                                .with("licences", "2"),
                        t -> t.fixtures.unit(unit).getLicencesAvailable() == 3,
                        t -> assertThat(t.fixtures.unit(unit).getLicencesAvailable())
                                .as("given back once, not twice")
                                .isEqualTo(5));
            }
        },
        EXISTING_TOKEN {
            @Override
            Reserved choose(PaymentAtPlacementTest test) {
                String serial = test.fixtures.reusableToken(test.account.admin());
                OrderForm form = test.codeSigning().with("hardwareToken", serial);
                return new Reserved(
                        form,
                        t -> !t.tokenReusable(serial),
                        t -> assertThat(t.tokenReusable(serial)).isTrue());
            }
        };

        abstract Reserved choose(PaymentAtPlacementTest test);
    }

    /** A form that reserves something, whether it is held now, and the check that it came back once. */
    record Reserved(
            OrderForm form,
            Function<PaymentAtPlacementTest, Boolean> held,
            Consumer<PaymentAtPlacementTest> releasedOnce) {}

    private boolean tokenReusable(String serial) {
        // The token is chosen again on the form only while it is reusable (P6).
        return body(get(account.admin(), "/orders/new")).contains("name=\"hardwareToken\" value=\"" + serial + "\"");
    }

    private OrderForm tls() {
        return OrderForm.submitting(TestCsrs.pem(KEY, "CN=" + cn, cn, "www." + cn));
    }

    private OrderForm codeSigning() {
        return OrderForm.submitting(TestCsrs.pem(KEY, "CN=Code Signer " + account.tag()))
                .with("product", "code_signing")
                .with("serverPlatform", "not_applicable");
    }

    private String placeAsAdministrator(OrderForm form) {
        MvcTestResult result = post(account.admin(), "/orders/new", form.pairs());
        String order = OrderForm.placedOrder(result);
        assertThat(notices(result)).containsExactly(text("new.done.placed", Locale.ENGLISH, order));
        assertThat(state(order).status())
                .as("O4: an administrator's order needs no approval")
                .isEqualTo(OrderStatus.PENDING);
        return order;
    }

    private MvcTestResult decide(String decision, long requestId) {
        return decision.equals("reject")
                ? post(account.admin(), "/requests/" + requestId + "/reject", "comment", "not this quarter")
                : post(account.user(), "/requests/" + requestId + "/withdraw");
    }

    private static String decidedAs(String decision) {
        return "request-status."
                + (decision.equals("reject") ? ApprovalRequest.Status.REJECTED : ApprovalRequest.Status.WITHDRAWN)
                        .key();
    }

    /** The text a message starts with, up to its first argument that is not given. */
    private String prefix(String key, Object first) {
        String marker = "\u0001";
        String whole = shown(key, first, marker);
        return whole.substring(0, whole.indexOf(marker));
    }

    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append((char) (c + 0xFEE0)));
        return wide.toString();
    }

    private PaymentFacts payment(String order) {
        return fixtures.withOrder(order, PaymentFacts::of);
    }

    /** What the order's payment says, read in one transaction. */
    record PaymentFacts(
            PaymentMethod method,
            boolean paid,
            BigDecimal price,
            BigDecimal tokenPrice,
            BigDecimal total,
            String tokenSerial) {

        static PaymentFacts of(CertificateOrder order) {
            Payment payment = order.getPayment();
            return new PaymentFacts(
                    payment.getMethod(),
                    payment.isPaid(),
                    payment.getPrice(),
                    payment.getHardwareTokenPrice(),
                    payment.total(),
                    payment.getHardwareToken() == null
                            ? null
                            : payment.getHardwareToken().getSerialNumber());
        }
    }
}
