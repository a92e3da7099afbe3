package com.certportal.support;

import com.certportal.account.Account;
import com.certportal.account.Member;
import com.certportal.account.Role;
import com.certportal.catalog.Product;
import com.certportal.order.CertificateOrder;
import com.certportal.order.Payment;
import com.certportal.order.RequestType;
import com.certportal.order.ServerPlatform;
import com.certportal.pki.CaFamily;
import com.certportal.pki.IssuedCertificate;
import com.certportal.token.HardwareToken;
import com.certportal.unit.EnterpriseUnit;
import com.certportal.voucher.Voucher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Orders for unit tests, without Spring or a database, reached through the aggregate's own
 * transitions (place, issue) like every other fixture.
 */
public final class DomainOrders {

    public static final BigDecimal TOKEN_PRICE = BigDecimal.valueOf(15_000);

    private static final Account ACCOUNT = new Account("Unit test", Instant.EPOCH);

    private DomainOrders() {}

    public static Member member(Role role) {
        return new Member(ACCOUNT, role.key() + "@unit.example", role.key(), role, "{noop}x", "en", Instant.EPOCH);
    }

    public static CertificateOrder pending(Product product, Payment payment, Instant placedAt) {
        return CertificateOrder.place(
                "10000001",
                member(Role.USER),
                product,
                1,
                RequestType.NEW,
                ServerPlatform.NGINX,
                "unit.example.com",
                List.of("unit.example.com"),
                payment,
                placedAt);
    }

    public static CertificateOrder issued(Product product, Payment payment, Instant firstIssuedAt) {
        CertificateOrder order = pending(product, payment, firstIssuedAt.minusSeconds(3600));
        order.issue("20000001", certificate("0A", firstIssuedAt), firstIssuedAt);
        return order;
    }

    public static CertificateOrder issued(Product product, Instant firstIssuedAt) {
        return issued(product, card(product), firstIssuedAt);
    }

    /** What the CA would return, for unit tests of the order (no real signature needed there). */
    public static IssuedCertificate certificate(String serial, Instant issuedAt) {
        return new IssuedCertificate(
                serial, issuedAt, issuedAt.plus(Duration.ofDays(90)), "-----BEGIN CERTIFICATE-----", CaFamily.TLS);
    }

    public static Payment card(Product product) {
        return Payment.creditCard(product.priceFor(1));
    }

    public static Payment bankTransfer(Product product, boolean paid) {
        return Payment.bankTransfer(product.priceFor(1), paid);
    }

    public static Payment voucher(Product product) {
        return Payment.voucher(new Voucher(1L, "UNIT-VOUCHER"), product.priceFor(1));
    }

    public static Payment unit(int licences) {
        return Payment.enterpriseUnit(new EnterpriseUnit(1L, "Unit", licences + 5), licences);
    }

    public static Payment withToken(Payment payment) {
        return payment.withHardwareToken(new HardwareToken(1L, "TOK-UNIT", Instant.EPOCH), TOKEN_PRICE);
    }
}
