package com.certportal.ordering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.audit.AuditAction;
import com.certportal.catalog.Product;
import com.certportal.pki.TestCsrs;
import com.certportal.pki.TestKeys;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.OrderForm;
import com.certportal.voucher.Voucher;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * O2, O3 through the request form: every kind of bad input is shown as a translated message beside its
 * field, stores nothing (no order, no request, nothing reserved), and is a REFUSED record in the trail
 * (T1). The CSR checks' boundaries are unit-tested in pki.CsrsTest; this proves the page around them.
 */
class RequestCertificateRefusalsTest extends ActionIntegrationTest {

    private static final KeyPair KEY = TestKeys.ec("secp256r1");
    private static final String CN = "www.example.com";

    private TestAccount account;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount();
    }

    /** A bad CSR (or extra name), the product it is sent for, and the message beside its field. */
    record CsrCase(String product, String csr, String sans, String field, String key, Object... arguments) {

        @Override
        public String toString() {
            return key;
        }
    }

    static Stream<Arguments> badCsrs() {
        return Stream.of(
                        new CsrCase("tls_dv", "Please issue a certificate for " + CN, "", "csr", "csr.not-pem"),
                        new CsrCase("tls_dv", publicKeyPem(), "", "csr", "csr.not-csr"),
                        new CsrCase(
                                "tls_dv",
                                TestCsrs.withBadSignature(KEY, "CN=" + CN, CN),
                                "",
                                "csr",
                                "csr.signature-invalid"),
                        new CsrCase(
                                "tls_dv",
                                TestCsrs.pem(TestKeys.rsa(1024), "CN=" + CN, CN),
                                "",
                                "csr",
                                "csr.rsa-too-small",
                                1024),
                        csr("tls_dv", "192.0.2.1", "csr.name-ip-address", "192.0.2.1"),
                        new CsrCase(
                                "tls_dv",
                                TestCsrs.pem(KEY, "CN=" + CN, CN),
                                "10.0.0.1",
                                "sans",
                                "csr.name-ip-address",
                                "10.0.0.1"),
                        csr("tls_dv", "a_b.example.com", "csr.name-underscore", "a_b.example.com"),
                        csr("tls_dv", "server.local", "csr.name-internal", "server.local"),
                        csr("tls_ov", "intranet", "csr.name-internal", "intranet"),
                        csr("tls_ev", "*.example.com", "csr.name-wildcard-ev", "*.example.com"),
                        csr("tls_dv", "www.*.example.com", "csr.name-wildcard-position", "www.*.example.com"),
                        csr(
                                "tls_dv",
                                "bücher.example.com",
                                "csr.name-unicode",
                                "bücher.example.com",
                                "xn--bcher-kva.example.com"),
                        new CsrCase(
                                "tls_dv",
                                TestCsrs.pem(
                                        KEY,
                                        "CN=" + CN,
                                        IntStream.range(0, 250)
                                                .mapToObj(i -> "n" + i + ".example.com")
                                                .toArray(String[]::new)),
                                "",
                                "csr",
                                "csr.too-many-names",
                                251,
                                250))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCsrs")
    void aBadCsrIsShownBesideItsFieldStoresNothingAndIsRecorded_O2(CsrCase bad) {
        OrderForm form =
                OrderForm.submitting(bad.csr()).with("product", bad.product()).with("sans", bad.sans());

        assertRefused(form, bad.field(), bad.key(), bad.arguments());
    }

    /** A payment choice that cannot pay: what it is, and the message beside its field. */
    @FunctionalInterface
    interface PaymentCase {
        Refusal prepare(RequestCertificateRefusalsTest test);
    }

    record Refusal(OrderForm form, String field, String key, Object... arguments) {}

    static Stream<Arguments> badPayments() {
        return Stream.of(
                Arguments.of("a voucher of another account", (PaymentCase) t -> {
                    String code =
                            t.fixtures.unusedVoucher(t.fixtures.newAccount().id(), 1);
                    return new Refusal(t.voucher(code), "voucherCode", "order.form.voucher-unknown", code);
                }),
                Arguments.of("a used voucher", (PaymentCase) t -> {
                    String paid = t.fixtures.pending(
                            t.account.admin(),
                            Product.TLS_DV,
                            "paid-" + t.account.tag() + ".example.com",
                            PaymentChoice.voucher());
                    String code = t.state(paid).voucherCode();
                    return new Refusal(t.voucher(code), "voucherCode", "order.form.voucher-used", code);
                }),
                Arguments.of("an unknown voucher", (PaymentCase) t -> new Refusal(
                        t.voucher("NO-SUCH-VOUCHER-42"),
                        "voucherCode",
                        "order.form.voucher-unknown",
                        "NO-SUCH-VOUCHER-42")),
                Arguments.of("a unit without enough licences", (PaymentCase) t -> {
                    Long unit = t.fixtures.enterpriseUnit(t.account.id(), 1);
                    return new Refusal(
                            t.tls()
                                    .with("paymentMethod", "enterprise_unit")
                                    .with("enterpriseUnit", unit)
                                    .with("licences", "2"),
                            "enterpriseUnit",
                            "order.form.unit-not-enough",
                            t.fixtures.unit(unit).getName(),
                            1,
                            2);
                }),
                Arguments.of("a token of another account", (PaymentCase) t -> {
                    String serial =
                            t.fixtures.reusableToken(t.fixtures.newAccount().admin());
                    return new Refusal(t.codeSigning(serial), "hardwareToken", "order.form.token-unavailable", serial);
                }),
                Arguments.of("a token in use", (PaymentCase) t -> {
                    String serial = t.fixtures.tokenSerial(t.fixtures.pending(
                            t.account.admin(),
                            Product.CODE_SIGNING,
                            "token-" + t.account.tag() + ".example.com",
                            PaymentChoice.card().withToken()));
                    return new Refusal(t.codeSigning(serial), "hardwareToken", "order.form.token-unavailable", serial);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPayments")
    void aPaymentThatCannotPayIsShownBesideItsFieldReservesNothingAndIsRecorded_O3(
            String situation, PaymentCase payment) {
        Refusal refusal = payment.prepare(this);

        assertRefused(refusal.form(), refusal.field(), refusal.key(), refusal.arguments());
    }

    @Test
    void aVoucherOfAnotherAccountStaysUnusedAfterTheRefusal_O3() {
        TestAccount other = fixtures.newAccount();
        String code = fixtures.unusedVoucher(other.id(), 1);

        assertRefused(voucher(code), "voucherCode", "order.form.voucher-unknown", code);

        assertThat(fixtures.voucher(code).getStatus()).isEqualTo(Voucher.Status.UNUSED);
        assertThat(refusals(other.id()))
                .as("nothing recorded in the voucher's account")
                .isEmpty();
    }

    /** O1, O2: an uploaded CSR file over the size limit (1 MiB) is refused on the CSR field, not a 500. */
    @Test
    void anUploadOfOneMebibyteIsRefusedOnTheCsrField_O2() {
        byte[] upload = new byte[1024 * 1024];
        byte[] pem = TestCsrs.pem(KEY, "CN=" + CN, CN).getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(upload, (byte) '\n');
        System.arraycopy(pem, 0, upload, 0, pem.length);
        String[] fields = OrderForm.submitting("").pairs();
        long ordersBefore = fixtures.countOrders(account.id());

        var request = mvc.post()
                .uri("/orders/new")
                .multipart()
                .file(new MockMultipartFile("csrFile", "www.csr", "application/pkcs10", upload));
        for (int i = 0; i < fields.length; i += 2) {
            request = request.param(fields[i], fields[i + 1]);
        }
        MvcTestResult result = request.with(user(account.user())).with(csrf()).exchange();

        assertThat(result).hasStatus(400);
        assertThat(body(result)).contains(fieldError(shown("csr.file-too-large", 64)));
        assertThat(fixtures.countOrders(account.id())).isEqualTo(ordersBefore);
        assertRecorded("csr.file-too-large");
    }

    private void assertRefused(OrderForm form, String field, String key, Object... arguments) {
        long ordersBefore = fixtures.countOrders(account.id());
        long requestsBefore = requestCount(account.id());

        MvcTestResult result = post(account.user(), "/orders/new", form.pairs());

        assertThat(result).hasStatus(400);
        String message = shown(key, arguments);
        assertThat(body(result))
                .contains(fieldError(message))
                .doesNotContain("Exception")
                .doesNotContain(key);
        assertThat(fieldOf(body(result), message))
                .as("the message sits beside its field")
                .isEqualTo(field);
        assertThat(fixtures.countOrders(account.id())).isEqualTo(ordersBefore);
        assertThat(requestCount(account.id())).isEqualTo(requestsBefore);
        assertRecorded(key);
    }

    private void assertRecorded(String key) {
        assertThat(refusals(account.id())).first().satisfies(refusal -> {
            assertThat(refusal.getAction()).isEqualTo(AuditAction.ORDER_PLACED);
            assertThat(refusal.getActorId()).isEqualTo(account.user().memberId());
            assertThat(refusal.getDetail()).isEqualTo(key);
            assertThat(refusal.getOrderNumber()).isNull();
        });
    }

    private static String fieldError(String message) {
        return "<p class=\"field-error\">" + message + "</p>";
    }

    /** The form field whose block (a `class="field"` element) holds the message. */
    private static String fieldOf(String page, String message) {
        String before = page.substring(0, page.indexOf(fieldError(message)));
        String block = before.substring(before.lastIndexOf("class=\"field\""));
        Matcher name = Pattern.compile(" name=\"([A-Za-z]+)\"").matcher(block);
        assertThat(name.find()).as("a field before the message").isTrue();
        return name.group(1);
    }

    private static CsrCase csr(String product, String name, String key, Object... arguments) {
        return new CsrCase(product, TestCsrs.pem(KEY, "CN=" + CN, CN, name), "", "csr", key, arguments);
    }

    private static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(KEY.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private OrderForm tls() {
        return OrderForm.submitting(TestCsrs.pem(KEY, "CN=" + CN, CN));
    }

    private OrderForm voucher(String code) {
        return tls().with("paymentMethod", "voucher").with("voucherCode", code);
    }

    private OrderForm codeSigning(String token) {
        return OrderForm.submitting(TestCsrs.pem(KEY, "CN=Code Signer " + account.tag()))
                .with("product", "code_signing")
                .with("serverPlatform", "not_applicable")
                .with("hardwareToken", token);
    }
}
